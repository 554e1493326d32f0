using System.Net;
using Crm.Grains.Access;
using Crm.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Orleans;

namespace Crm.Web.Observability;

/// <summary>
/// A browser cannot put a bearer key on the Orleans dashboard's page and its requests, so an operator signs in once:
/// the key goes into an HTTP-only, same-site cookie scoped to the dashboard's path, which the key authentication reads
/// there and nowhere else. The dashboard only reads (every endpoint is a GET), and the strict same-site rule keeps other
/// sites from riding the cookie.
/// </summary>
public static class OperatorSignIn
{
    public const string CookieName = "crm_operator_key";
    public const string Path = OperatorsDashboard.Path + "/sign-in";
    private const int MaxKeyLength = 200;

    public static IEndpointRouteBuilder MapOperatorSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, () => Form(null)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(Path, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The cookie's key, for requests under the dashboard's path only.</summary>
    public static string? PresentedKey(HttpRequest request) =>
        request.Path.StartsWithSegments(OperatorsDashboard.Path) && request.Cookies.TryGetValue(CookieName, out var key) ? key : null;

    /// <summary>A page navigation (not the dashboard's own data requests) to the dashboard without a valid key.</summary>
    public static bool ShouldRedirect(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.StartsWithSegments(OperatorsDashboard.Path)
        && request.GetTypedHeaders().Accept.Any(accepted => accepted.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> SignInAsync(HttpContext context, IGrainFactory grains, IAuthorizationService authorization)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var secret = form?["key"].ToString().Trim();
        if (string.IsNullOrEmpty(secret) || secret.Length > MaxKeyLength)
        {
            return Form("Enter an admin key of the default workspace.", StatusCodes.Status400BadRequest);
        }

        var key = await grains.GetGrain<IApiKeyGrain>(ApiKeySecrets.Hash(secret)).Describe();
        if (key is not { IsActive: true }
            || !(await authorization.AuthorizeAsync(CrmClaims.For(key, ApiKeyAuthenticationHandler.SchemeName), OperatorPolicy.Name)).Succeeded)
        {
            return Form("That key is not an active admin key of the default workspace.", StatusCodes.Status403Forbidden);
        }

        context.Response.Cookies.Append(CookieName, secret, new CookieOptions
        {
            Path = OperatorsDashboard.Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });
        return Results.Redirect(OperatorsDashboard.Path + "/");
    }

    private static IResult Form(string? problem, int status = StatusCodes.Status200OK) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Crm: Orleans dashboard sign-in</title></head>
        <body style="font-family: sans-serif; max-width: 28rem; margin: 4rem auto">
        <h1 style="font-size: 1.25rem">Orleans dashboard</h1>
        <p>Operators only: an admin key of the default workspace.</p>
        {(problem is null ? "" : $"<p role=\"alert\" style=\"color: #b00020\">{WebUtility.HtmlEncode(problem)}</p>")}
        <form method="post" action="{Path}">
        <label>Key <input type="password" name="key" autocomplete="off" required maxlength="{MaxKeyLength}" style="width: 100%"></label>
        <p><button type="submit">Sign in</button></p>
        </form>
        </body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
