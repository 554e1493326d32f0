using Crm.Grains.ReadModel;
using Crm.Grains.Workspaces;
using Orleans;
using Crm.Web.Access;

namespace Crm.Web.Workspaces;

public static class WorkspaceEndpoints
{
    public sealed record StatsResponse(long All, long Active, long NeedsAttention, long SalesOpportunities)
    {
        public static StatsResponse From(StatsCounts counts) => new(counts.All, counts.Active, counts.NeedsAttention, counts.SalesOpportunities);
    }

    public static RouteGroupBuilder MapWorkspaceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", StatsAsync).RequireAuthorization(CrmPolicies.Agent).WithTags("Workspace");
        api.MapGet("/settings", SettingsAsync).RequireAuthorization(CrmPolicies.Agent).WithTags("Workspace");
        api.MapPut("/settings", UpdateSettingsAsync).RequireAuthorization(CrmPolicies.Admin).WithTags("Workspace");
        return api;
    }

    private static async Task<IResult> StatsAsync(ICustomerRecordQueries queries, HttpContext context)
    {
        var counts = await queries.StatsAsync(context.User.WorkspaceId(), context.RequestAborted);
        return Results.Ok(StatsResponse.From(counts));
    }

    private static async Task<IResult> SettingsAsync(IGrainFactory grains, HttpContext context) =>
        Results.Ok(await grains.GetGrain<IWorkspaceGrain>(context.User.WorkspaceId()).GetSettings());

    private static async Task<IResult> UpdateSettingsAsync(WorkspaceSettings settings, IGrainFactory grains, HttpContext context) =>
        Results.Ok(await grains.GetGrain<IWorkspaceGrain>(context.User.WorkspaceId()).UpdateSettings(settings));
}
