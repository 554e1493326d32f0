using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Crm.Web.Health;

/// <summary><c>/healthz</c> says the process serves requests; <c>/readyz</c> also checks that storage answers.</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
