using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Isolation;

/// <summary>
/// Every route the service maps under <c>/api</c> and <c>/hubs</c>, read from the running service, so an endpoint added
/// later is covered by the isolation tests without anyone remembering to list it.
/// </summary>
public sealed record ApiRoute(string Method, string Pattern, IReadOnlyList<string> Policies)
{
    public static IReadOnlyList<ApiRoute> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/hubs/", StringComparison.Ordinal)))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ApiRoute(
                    method,
                    endpoint.RoutePattern.RawText!,
                    endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy ?? "(default)").ToArray())))
            .Where(route => route.Method != "OPTIONS")
            .ToArray();

    /// <summary>The pattern with each <c>{parameter}</c> replaced by <paramref name="valueOf"/>'s answer for it.</summary>
    public string Path(Func<string, string, string> valueOf)
    {
        var path = Pattern;
        while (path.IndexOf('{') is var start and >= 0)
        {
            var end = path.IndexOf('}', start);
            var parameter = path[(start + 1)..end].Split(':')[0].TrimStart('*');
            path = path[..start] + Uri.EscapeDataString(valueOf(Pattern, parameter)) + path[(end + 1)..];
        }

        return path;
    }

    public override string ToString() => $"{Method} {Pattern}";
}
