using Crm.Silo.Diagnostics;
using Crm.Web.Health;
using Crm.Web.Limits;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Crm.Web.Observability;

/// <summary>
/// Metrics (Orleans', ASP.NET Core's, the silo's, the service's own (ingest admission), Npgsql's and the runtime's meters) scraped as Prometheus text at <c>/metrics</c>; metrics,
/// traces and logs pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; Orleans' dashboard; readiness that
/// follows cluster membership. <c>/metrics</c> and the dashboard show every workspace, so only operators reach them.
/// </summary>
public static class ObservabilityRegistration
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "crm";

    /// <summary>The database client's and the .NET runtime's meters, beside the silo's and ASP.NET Core's.</summary>
    public static readonly string[] PlatformMeterNames = ["Npgsql", "System.Runtime"];

    public static WebApplicationBuilder AddCrmObservability(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration[ServiceNameSetting] ?? DefaultServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(SiloTelemetry.MeterNames)
                .AddMeter(IngestAdmission.MeterName)
                .AddMeter(PlatformMeterNames)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());

        // Without a collector nobody reads spans: no tracer provider, so no span is even created unless some other listener asks.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource(SiloTelemetry.ActivitySourceNames))
                .UseOtlpExporter();
        }

        builder.Services.AddAuthorizationBuilder().AddOperatorPolicy();
        builder.Services.AddHealthChecks().AddCheck<ClusterMembershipHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        builder.AddOperatorsDashboard();
        return builder;
    }

    public static IEndpointRouteBuilder MapCrmObservability(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(OperatorPolicy.Name);
        endpoints.MapOperatorsDashboard();
        return endpoints;
    }
}
