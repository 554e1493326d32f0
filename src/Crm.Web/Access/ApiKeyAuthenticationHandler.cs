using System.Text.Encodings.Web;
using Crm.Grains.Access;
using Crm.Web.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Crm.Web.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> (or <c>access_token</c> in the query, which browsers' WebSockets need
/// for the hub, or the operator's sign-in cookie under the Orleans dashboard) by looking the key's digest up in this node's
/// copy of the key directory (<see cref="ApiKeyCache"/>), which a revocation through any node evicts before the revocation is
/// acknowledged. The key itself is never logged or stored.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const int MaxSecretLength = 200;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedSecret();
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (secret.Length > MaxSecretLength)
        {
            return AuthenticateResult.Fail("The key is not valid.");
        }

        var key = await keys.DescribeAsync(ApiKeySecrets.Hash(secret));
        return key is { IsActive: true }
            ? AuthenticateResult.Success(new AuthenticationTicket(CrmClaims.For(key, SchemeName), SchemeName))
            : AuthenticateResult.Fail("The key is not valid or was revoked.");
    }

    /// <summary>A browser opening the Orleans dashboard without a key is sent to sign in; every other caller gets 401.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (OperatorSignIn.ShouldRedirect(Request))
        {
            Response.Redirect(OperatorSignIn.Path);
            return Task.CompletedTask;
        }

        return base.HandleChallengeAsync(properties);
    }

    private string? PresentedSecret()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (Request.Path.StartsWithSegments("/hubs") && Request.Query.TryGetValue("access_token", out var token))
        {
            return token.ToString();
        }

        return OperatorSignIn.PresentedKey(Request);
    }
}
