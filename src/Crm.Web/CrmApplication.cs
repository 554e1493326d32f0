using System.Text.Json.Serialization;
using Crm.Grains;
using Crm.Grains.Ingest;
using Crm.Grains.Ingest.Idempotency;
using Crm.Grains.Intents;
using Crm.Grains.Upgrade;
using Crm.Grains.Workspaces;
using Crm.Silo.Hosting;
using Crm.Web.Access;
using Crm.Web.Customers;
using Crm.Web.Dashboard;
using Crm.Web.Demo;
using Crm.Web.Errors;
using Crm.Web.Health;
using Crm.Web.Ingest;
using Crm.Web.Intents;
using Crm.Web.Limits;
using Crm.Web.Observability;
using Crm.Web.OpenApi;
using Crm.Web.Segments;
using Crm.Web.WebApp;
using Crm.Web.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Web;

/// <summary>Builds the service; <c>Program</c> runs it and the tests start it on Kestrel with their own arguments.</summary>
public static class CrmApplication
{
    /// <summary>Used when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints are configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Largest request body: a full batch of 1,000 events with room to spare; larger bodies get 413.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (!HasConfiguredAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var sweep = builder.Configuration.GetSection(SweepOptions.SectionName).Get<SweepOptions>() ?? new SweepOptions();
        sweep.Validate();
        builder.Services.AddSingleton(sweep);
        var idempotency = builder.Configuration.GetSection(IdempotencyOptions.SectionName).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        idempotency.Validate();
        builder.Services.AddSingleton(idempotency);
        var upgrade = builder.Configuration.GetSection(IdentityUpgradeOptions.SectionName).Get<IdentityUpgradeOptions>() ?? new IdentityUpgradeOptions();
        upgrade.Validate();
        builder.Services.AddSingleton(upgrade);
        var intentModels = builder.Configuration.GetSection(IntentModelOptions.SectionName).Get<IntentModelOptions>() ?? new IntentModelOptions();
        intentModels.Validate();
        builder.Services.AddSingleton(intentModels);
        builder.Services.AddDashboard();
        builder.Services.AddCrmGrainServices();
        builder.AddCrmSilo(states => states.AddCrmGrainStates());
        builder.Services.AddDashboardPush();
        builder.Services.AddHostedService<BootstrapWorkspace>();
        builder.Services.AddHostedService<SweepScheduler>();
        builder.Services.AddHostedService<IdentityUpgradeStarter>();
        builder.Services.AddSingleton<EventIngestor>();
        var admission = builder.Configuration.GetSection(IngestAdmissionSettings.Section).Get<IngestAdmissionSettings>() ?? new IngestAdmissionSettings();
        admission.Validate();
        builder.Services.AddSingleton(admission);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IngestAdmission>();
        builder.AddDemo();
        builder.AddCrmObservability();

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddCrmPolicies();
        builder.Services.AddCrmErrorHandling();
        builder.Services.AddCrmRateLimiting(builder.Configuration);
        builder.Services.AddCrmOpenApi();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboardFiles();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapCrmObservability();
        app.MapDashboardFallback();
        app.MapCrmOpenApi();
        app.MapGroup("/api/v1")
            .MapKeyEndpoints()
            .MapEventEndpoints()
            .MapWorkspaceEndpoints()
            .MapCustomerEndpoints()
            .MapCustomerBulkEndpoints()
            .MapCustomerCsvExport()
            .MapSegmentEndpoints()
            .MapIntentModelEndpoints();
        app.MapDashboardHub();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static bool HasConfiguredAddress(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrEmpty(configuration["HTTP_PORTS"])
        || !string.IsNullOrEmpty(configuration["HTTPS_PORTS"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("Crm is listening on {Address}", address);
        }
    }
}
