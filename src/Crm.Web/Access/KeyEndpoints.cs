using Crm.Grains.Access;
using Crm.Grains.Workspaces;
using Orleans;
using Crm.Web.Errors;

namespace Crm.Web.Access;

public static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").RequireAuthorization(CrmPolicies.Admin).WithTags("Keys");
        keys.MapPost("/", CreateKeyAsync);
        keys.MapGet("/", ListKeysAsync);
        keys.MapDelete("/{id}", RevokeKeyAsync);
        api.MapPost("/workspaces", CreateWorkspaceAsync).RequireAuthorization(CrmPolicies.Admin).WithTags("Keys");
        return api;
    }

    public sealed record CreateKeyRequest(string? Role, string? Name);

    public sealed record KeyResponse(string Id, string Role, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Key = null)
    {
        public static KeyResponse From(ApiKeyRecord key, string? secret = null) =>
            new(key.Id, key.Role.ToString().ToLowerInvariant(), key.Name, key.CreatedAt, key.RevokedAt, secret);
    }

    public sealed record CreateWorkspaceRequest(string? Id);

    public sealed record WorkspaceResponse(string Id, KeyResponse AdminKey);

    private static async Task<IResult> CreateKeyAsync(CreateKeyRequest request, IGrainFactory grains, HttpContext context)
    {
        if (!Enum.TryParse<KeyRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(request.Role, out _))
        {
            return Problems.Invalid("role", "must be agent, channel or admin");
        }

        var issued = await grains.GetGrain<IWorkspaceAccessGrain>(context.User.WorkspaceId()).CreateKey(role, request.Name ?? string.Empty);
        return Results.Created($"/api/v1/keys/{issued.Key.Id}", KeyResponse.From(issued.Key, issued.Secret));
    }

    private static async Task<IResult> ListKeysAsync(IGrainFactory grains, HttpContext context) =>
        Results.Ok((await grains.GetGrain<IWorkspaceAccessGrain>(context.User.WorkspaceId()).ListKeys()).Select(key => KeyResponse.From(key)));

    /// <summary>
    /// Revocation is immediate on every node: it is acknowledged once each node has dropped the key and closed the
    /// dashboards it opened there (<see cref="Dashboard.DashboardConnections"/> hears the broadcast), so the next request fails anywhere.
    /// </summary>
    private static async Task<IResult> RevokeKeyAsync(string id, IGrainFactory grains, HttpContext context) =>
        await grains.GetGrain<IWorkspaceAccessGrain>(context.User.WorkspaceId()).RevokeKey(id) ? Results.NoContent() : Results.NotFound();

    /// <summary>Only an admin of the default workspace creates workspaces; each new one starts with its own admin key.</summary>
    private static async Task<IResult> CreateWorkspaceAsync(CreateWorkspaceRequest request, IGrainFactory grains, HttpContext context)
    {
        if (context.User.WorkspaceId() != BootstrapWorkspace.DefaultWorkspace)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only an admin key of the default workspace creates workspaces.");
        }

        if (!WorkspaceKeys.IsValidWorkspaceId(request.Id))
        {
            return Problems.Invalid("id", "must be 1 to 40 lower-case letters, digits or dashes");
        }

        var issued = await grains.GetGrain<IWorkspaceAccessGrain>(request.Id!).Initialize(adminSecret: null);
        return issued is null
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Workspace exists", detail: $"Workspace '{request.Id}' already exists.")
            : Results.Created($"/api/v1/workspaces/{request.Id}", new WorkspaceResponse(request.Id!, KeyResponse.From(issued.Key, issued.Secret)));
    }
}
