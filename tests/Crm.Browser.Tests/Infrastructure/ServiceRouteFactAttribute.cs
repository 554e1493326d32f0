using System.Text.RegularExpressions;
using Crm.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Crm.Browser.Tests.Infrastructure;

/// <summary>
/// A fact that drives a capability behind one route of the service, written with <c>{}</c> for each parameter
/// (<c>/api/v1/customers/{}/notes/{}</c>). While the service maps no such route, by any method, the fact is skipped with a
/// reason naming it; once the route exists it runs, and passes or fails on its own.
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

internal static partial class ServiceRoutes
{
    /// <summary>Every route pattern of the service as built, read without starting it, each parameter written <c>{}</c>.</summary>
    public static readonly Lazy<HashSet<string>> Patterns = new(() =>
    {
        var app = CrmApplication.Build(["--urls", "http://127.0.0.1:0", "--Storage:Provider=Memory"]);
        try
        {
            return ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(endpoint => Parameter().Replace("/" + endpoint.RoutePattern.RawText?.Trim('/'), "{}"))
                .ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    });

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
