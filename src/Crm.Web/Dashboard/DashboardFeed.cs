using System.Collections.Concurrent;
using Crm.Grains.Customers;

namespace Crm.Web.Dashboard;

/// <summary>
/// Receives every committed customer change from the grains and keeps it, coalesced per workspace, until the pump sends
/// it. Timeline entries are kept only for customers some dashboard follows.
/// </summary>
public sealed class DashboardFeed : ICustomerChangeSink
{
    private readonly ConcurrentDictionary<string, WorkspaceFeed> _workspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Workspace, string CustomerId), int> _followers = new();

    public void Publish(CustomerChange change)
    {
        var feed = _workspaces.GetOrAdd(change.Workspace, static workspace => new WorkspaceFeed(workspace));
        feed.Add(change, _followers.ContainsKey((change.Workspace, change.CustomerId)));
    }

    public IEnumerable<WorkspaceFeed> Workspaces => _workspaces.Values;

    public void Follow(string workspace, string customerId) =>
        _followers.AddOrUpdate((workspace, customerId), 1, static (_, count) => count + 1);

    public void Unfollow(string workspace, string customerId)
    {
        var key = (workspace, customerId);
        if (_followers.AddOrUpdate(key, 0, static (_, count) => count - 1) <= 0)
        {
            _followers.TryRemove(new KeyValuePair<(string, string), int>(key, 0));
        }
    }
}
