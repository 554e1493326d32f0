using Crm.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Crm.Browser.Tests.Infrastructure;

/// <summary>
/// A fact that drives a capability behind one route of the service. While the service maps no such route the fact is
/// skipped with a reason naming it; once the route exists it runs, and passes or fails on its own.
/// </summary>
public sealed class ServiceRouteFactAttribute : FactAttribute
{
    public ServiceRouteFactAttribute(string route)
    {
        if (!ServiceRoutes.Patterns.Value.Contains(route))
        {
            Skip = $"The service maps no {route}, which this test needs.";
        }
    }
}

internal static class ServiceRoutes
{
    /// <summary>Every route pattern of the service as built, read without starting it.</summary>
    public static readonly Lazy<HashSet<string>> Patterns = new(() =>
    {
        var app = CrmApplication.Build(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory"]);
        try
        {
            return ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(endpoint => "/" + endpoint.RoutePattern.RawText?.Trim('/'))
                .ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    });
}
