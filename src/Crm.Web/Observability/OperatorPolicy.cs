using Crm.Web.Access;
using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Observability;

/// <summary>
/// Operators are admins of the default workspace, as for creating workspaces: metrics and Orleans' dashboard span every
/// workspace (the dashboard lists grain keys, which hold workspace ids and customers' normalized identities), so an admin
/// of any other workspace is refused.
/// </summary>
public static class OperatorPolicy
{
    public const string Name = "operator";

    public static AuthorizationBuilder AddOperatorPolicy(this AuthorizationBuilder builder) =>
        builder.AddPolicy(Name, policy => policy
            .RequireRole("admin")
            .RequireClaim(CrmClaims.Workspace, BootstrapWorkspace.DefaultWorkspace));
}
