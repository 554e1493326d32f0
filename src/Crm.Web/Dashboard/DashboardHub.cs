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
public sealed class DashboardHub(DashboardFeed feed, DashboardConnections connections, DashboardLeaseKeeper leases, ILogger<DashboardHub> logger) : Hub
{
    private const string FollowedKey = "followed";
    private const string WatchedKey = "watched";

    /// <summary>A page of the list, with room to spare; more rows than anyone can see at once.</summary>
    public const int MaxWatchedRows = 500;

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context.User!.KeyId(), Context);
        var workspace = Context.User!.WorkspaceId();
        feed.Opened(workspace);
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Workspace(workspace));
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.AllRows(workspace));
        await ListenAsync(workspace);
    }

    /// <summary>
    /// Narrows <c>customerChanged</c> and <c>customerRemoved</c> to the rows this dashboard shows, replacing what it
    /// watched before. Until a connection calls this it receives every row change of its workspace; a list page that
    /// calls it as it scrolls costs the server a few messages per visible change instead of one per change per dashboard.
    /// </summary>
    public async Task WatchCustomers(string[] ids)
    {
        if (ids is null || ids.Length > MaxWatchedRows)
        {
            throw new HubException($"ids: must be a list of at most {MaxWatchedRows} customer ids");
        }

        if (ids.FirstOrDefault(id => !CustomerIds.IsValid(id)) is { } invalid)
        {
            throw new HubException($"ids: '{invalid}' must be a customer id (32 lowercase hex digits)");
        }

        var workspace = Context.User!.WorkspaceId();
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var watched = ConnectionSet(WatchedKey, out var narrowedBefore);

        // Joins the new rows before leaving the old ones (or every row), so a change flushed meanwhile still arrives.
        foreach (var id in wanted.Except(watched).ToArray())
        {
            watched.Add(id);
            await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Row(workspace, id));
        }

        if (!narrowedBefore)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.AllRows(workspace));
        }

        foreach (var id in watched.Except(wanted).ToArray())
        {
            watched.Remove(id);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.Row(workspace, id));
        }
    }

    public async Task FollowCustomer(string id)
    {
        if (!CustomerIds.IsValid(id))
        {
            throw new HubException("id: must be a customer id (32 lowercase hex digits)");
        }

        if (ConnectionSet(FollowedKey).Add(id))
        {
            var workspace = Context.User!.WorkspaceId();
            feed.Follow(workspace, id);
            await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Customer(workspace, id));
            await ListenAsync(workspace);
        }
    }

    public async Task UnfollowCustomer(string id)
    {
        if (ConnectionSet(FollowedKey).Remove(id))
        {
            var workspace = Context.User!.WorkspaceId();
            feed.Unfollow(workspace, id);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardGroups.Customer(workspace, id));
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        var workspace = Context.User!.WorkspaceId();
        foreach (var id in ConnectionSet(FollowedKey))
        {
            feed.Unfollow(workspace, id);
        }

        feed.Closed(workspace);
        connections.Remove(Context.User!.KeyId(), Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Tells the workspace's registry at once that this node listens, and to what, so nodes whose grains commit the
    /// workspace's changes send them here from their next read of it. If the registry cannot be reached, this node's own
    /// grains still reach the dashboard and the lease keeper tries again within seconds.
    /// </summary>
    private async Task ListenAsync(string workspace)
    {
        try
        {
            await leases.RenewAsync(workspace);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not register this node as showing dashboards of workspace {Workspace}", workspace);
        }
    }

    /// <summary>Hub instances live for one call; what a connection follows or watches lives with the connection.</summary>
    private HashSet<string> ConnectionSet(string key) => ConnectionSet(key, out _);

    private HashSet<string> ConnectionSet(string key, out bool existed)
    {
        existed = Context.Items.TryGetValue(key, out var existing) && existing is HashSet<string>;
        if (existing is HashSet<string> set)
        {
            return set;
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[key] = created;
        return created;
    }
}
