using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Crm.Web.WebApp;

/// <summary>
/// Serves the dashboard that the build writes to <c>wwwroot</c>: its files, and <c>index.html</c> for any other page address
/// (such as <c>/customers/{id}</c>) so that the app can route it. The service's own paths never fall back to the app.
/// </summary>
public static class DashboardApp
{
    /// <summary>Paths that belong to the service: an unknown address under them is a 404, not the dashboard.</summary>
    public static readonly PathString[] ServicePaths = ["/api", "/hubs", "/healthz", "/readyz", "/openapi", "/metrics", "/orleans-dashboard"];

    private const string IndexFile = "index.html";

    /// <summary>Vite names bundled files by their content hash, so a browser may keep them; everything else is revalidated.</summary>
    private const string HashedAssetsPath = "/assets";

    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = file.Context.Request.Path.StartsWithSegments(HashedAssetsPath)
                ? "public, max-age=31536000, immutable"
                : "no-cache",
        });
        return app;
    }

    /// <summary>Answers GET and HEAD of paths without a file extension that no endpoint took; other methods keep their 405s.</summary>
    public static IEndpointRouteBuilder MapDashboardFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback("{*path:nonfile}", ServeIndexAsync).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return endpoints;
    }

    private static async Task ServeIndexAsync(HttpContext context)
    {
        var index = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo(IndexFile);
        if (ServicePaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)) || !index.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        await context.Response.SendFileAsync(index, context.RequestAborted);
    }
}
