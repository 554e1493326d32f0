using Crm.Grains.Customers;
using Crm.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Dashboard;

/// <summary>
/// The live dashboard connection. Each connection joins its key's workspace group and nothing else; it may follow
/// single customers of that workspace to receive their timeline as it grows.
/// </summary>
[Authorize(Policy = CrmPolicies.Agent)]
public sealed class DashboardHub(DashboardFeed feed, DashboardConnections connections) : Hub
{
    private const string FollowedKey = "followed";

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context.User!.KeyId(), Context);
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Workspace(Context.User!.WorkspaceId()));
    }

    public async Task FollowCustomer(string id)
    {
        if (!CustomerIds.IsValid(id))
        {
            throw new HubException("id: must be a customer id (32 lowercase hex digits)");
        }

        if (Followed().Add(id))
        {
            var workspace = Context.User!.WorkspaceId();
            feed.Follow(workspace, id);
            await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Customer(workspace, id));
        }
    }

    public async Task UnfollowCustomer(string id)
    {
        if (Followed().Remove(id))
        {
            var workspace = Context.User!.WorkspaceId();
            feed.Unfollow(workspace, id);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.Customer(workspace, id));
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        var workspace = Context.User!.WorkspaceId();
        foreach (var id in Followed())
        {
            feed.Unfollow(workspace, id);
        }

        connections.Remove(Context.User!.KeyId(), Context);
        return Task.CompletedTask;
    }

    /// <summary>Hub instances live for one call; what a connection follows lives with the connection.</summary>
    private HashSet<string> Followed()
    {
        if (Context.Items.TryGetValue(FollowedKey, out var followed) && followed is HashSet<string> set)
        {
            return set;
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[FollowedKey] = created;
        return created;
    }
}
