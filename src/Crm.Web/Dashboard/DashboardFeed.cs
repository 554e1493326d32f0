using System.Collections.Concurrent;
using Crm.Grains.Customers;

namespace Crm.Web.Dashboard;

/// <summary>
/// Receives every committed customer change from the grains and keeps it, coalesced per workspace, until the pump sends
/// it. Changes of a workspace with no dashboard open are dropped at once (a dashboard reads the current state over HTTP
/// when it opens), and timeline entries are kept only for customers some dashboard follows.
/// </summary>
public sealed class DashboardFeed : ICustomerChangeSink
{
    private readonly ConcurrentDictionary<string, WorkspaceFeed> _workspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Workspace, string CustomerId), int> _followers = new();
    private readonly ConcurrentDictionary<string, int> _dashboards = new(StringComparer.Ordinal);

    public void Publish(CustomerChange change)
    {
        if (!_dashboards.ContainsKey(change.Workspace))
        {
            return;
        }

        var feed = _workspaces.GetOrAdd(change.Workspace, static workspace => new WorkspaceFeed(workspace));
        feed.Add(change, _followers.ContainsKey((change.Workspace, change.CustomerId)));
    }

    public IEnumerable<WorkspaceFeed> Workspaces => _workspaces.Values;

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
