using System.Collections.Concurrent;
using Crm.Grains.Customers;

namespace Crm.Web.Dashboard;

/// <summary>
/// Receives every committed customer change from this node's grains and keeps it, coalesced per workspace, until the
/// pump sends it to this node's dashboards and to the other nodes listening to the workspace. Changes of a workspace
/// no dashboard on any node shows are dropped at once (a dashboard reads the current state over HTTP when it opens),
/// and timeline entries are kept only for customers some dashboard, here or on another node, follows.
/// </summary>
public sealed class DashboardFeed(ListenerDirectory listeners) : ICustomerChangeSink
{
    private readonly ConcurrentDictionary<string, WorkspaceFeed> _workspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Workspace, string CustomerId), int> _followers = new();
    private readonly ConcurrentDictionary<string, int> _dashboards = new(StringComparer.Ordinal);

    public void Publish(CustomerChange change)
    {
        var local = _dashboards.ContainsKey(change.Workspace);
        var remote = listeners.Read(change.Workspace);
        if (!local && remote is { Listeners.Count: 0 })
        {
            return;
        }

        // While this node's copy of the listeners is missing or stale, who follows what elsewhere is unknown: entries are kept.
        var followed = _followers.ContainsKey((change.Workspace, change.CustomerId)) || remote is null || remote.Followed.Contains(change.CustomerId);
        Feed(change.Workspace).Add(change, followed);
    }

    public IEnumerable<WorkspaceFeed> Workspaces => _workspaces.Values;

    public WorkspaceFeed Feed(string workspace) => _workspaces.GetOrAdd(workspace, static workspace => new WorkspaceFeed(workspace));

    /// <summary>Workspaces with at least one dashboard open on this node.</summary>
    public IEnumerable<string> Shown => _dashboards.Keys;

    public bool Shows(string workspace) => _dashboards.ContainsKey(workspace);

    /// <summary>The customers of <paramref name="workspace"/> this node's dashboards follow.</summary>
    public string[] Followed(string workspace) => _followers.Keys.Where(key => key.Workspace == workspace).Select(key => key.CustomerId).ToArray();

    public void Opened(string workspace) => Increment(_dashboards, workspace);

    public void Closed(string workspace) => Decrement(_dashboards, workspace);

    public void Follow(string workspace, string customerId) => Increment(_followers, (workspace, customerId));

    public void Unfollow(string workspace, string customerId) => Decrement(_followers, (workspace, customerId));

    private static void Increment<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts.AddOrUpdate(key, 1, static (_, count) => count + 1);

    /// <summary>Removes the key at zero; a concurrent increment from zero keeps it, since removal needs the value to be 0.</summary>
    private static void Decrement<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        if (counts.AddOrUpdate(key, 0, static (_, count) => count - 1) <= 0)
        {
            counts.TryRemove(new KeyValuePair<TKey, int>(key, 0));
        }
    }
}
