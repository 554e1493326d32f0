using System.Collections.Concurrent;
using Crm.Grains.Dashboard;

namespace Crm.Web.Dashboard;

/// <summary>
/// This node's observer: batches that other nodes' pumps send for workspaces it listens to. Rows, alerts and timelines
/// are pushed at once, so a change committed on another node reaches the dashboard one pump tick after its commit, as
/// a local one does; the counts are queried here by this node's pump, like after a local change. It also hears from
/// the registries of the workspaces this node's grains commit to when their listeners change.
/// </summary>
public sealed class RemoteBatchReceiver(DashboardFeed feed, DashboardPush push, ListenerDirectory listeners) : IDashboardListener
{
    private readonly ConcurrentDictionary<string, long> _received = new(StringComparer.Ordinal);

    /// <summary>How many batches of <paramref name="workspace"/> other nodes sent here since start.</summary>
    public long ReceivedOf(string workspace) => _received.GetValueOrDefault(workspace);

    public Task Receive(DashboardBatch batch)
    {
        _received.AddOrUpdate(batch.Workspace, 1, static (_, count) => count + 1);

        // A lease outlives the last dashboard by up to a renewal period; what arrives meanwhile has nobody to go to.
        if (feed.Shows(batch.Workspace))
        {
            push.Send(batch);
            feed.Feed(batch.Workspace).StatsChanged();
        }

        return Task.CompletedTask;
    }

    public Task ListenersChanged(string workspace, DashboardListeners changed)
    {
        listeners.Changed(workspace, changed);
        return Task.CompletedTask;
    }
}
