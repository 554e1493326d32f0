using Crm.Grains.Intents;
using Crm.Web.Access;
using Orleans;

namespace Crm.Web.Intents;

public static class IntentModelEndpoints
{
    public static RouteGroupBuilder MapIntentModelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/intent/model", DescribeAsync).RequireAuthorization(CrmPolicies.Admin).WithTags("Intent").Produces<IntentModelStatus>();
        return api;
    }

    /// <summary>The workspace's text model: version, when trained, corrections learnt, and held-out figures before (shipped) and after (served).</summary>
    private static async Task<IResult> DescribeAsync(IGrainFactory grains, HttpContext context) =>
        Results.Ok(await grains.GetGrain<IIntentModelGrain>(context.User.WorkspaceId()).Describe());
}
