using System.Security.Claims;
using Crm.Grains.Access;

namespace Crm.Web.Access;

/// <summary>What an authenticated key carries into a request: its workspace, role and id.</summary>
public static class CrmClaims
{
    public const string Workspace = "crm:workspace";
    public const string Role = ClaimTypes.Role;
    public const string KeyIdClaim = "crm:key";

    public static string WorkspaceId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Workspace) ?? throw new InvalidOperationException("The request is not authenticated with a workspace key.");

    public static string KeyId(this ClaimsPrincipal user) =>
        user.FindFirstValue(KeyIdClaim) ?? throw new InvalidOperationException("The request is not authenticated with a workspace key.");

    public static string Actor(this ClaimsPrincipal user) => $"key:{user.KeyId()}";

    public static ClaimsPrincipal For(ApiKeyRecord key, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(Workspace, key.Workspace),
            new Claim(Role, key.Role.ToString().ToLowerInvariant()),
            new Claim(KeyIdClaim, key.Id),
        ],
        scheme));
}
