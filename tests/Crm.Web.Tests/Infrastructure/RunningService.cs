using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Infrastructure;

/// <summary>The real service on Kestrel, bound to 127.0.0.1 on a port the OS picks.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningService(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient Http { get; }

    public static async Task<RunningService> StartAsync(params string[] settings)
    {
        var app = CrmApplication.Build(["--urls", "http://127.0.0.1:0", "--Cluster:SiloPort=0", "--Cluster:GatewayPort=0", .. settings]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningService(app, new Uri(address));
    }

    public const string AdminKey = "crm_test-admin-key-for-the-default-workspace";

    public static Task<RunningService> StartOnPostgresAsync(string connectionString, params string[] settings) =>
        StartAsync(["--Storage:Provider=Postgres", $"--ConnectionStrings:Crm={connectionString}", $"--CRM_BOOTSTRAP_KEY={AdminKey}", .. settings]);

    /// <summary>A client that presents <paramref name="key"/> as a bearer token.</summary>
    public HttpClient ClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Stops the service (its silo leaves the cluster) and keeps its services for a look afterwards.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
