using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Dashboard;

/// <summary>
/// A node as the others reach it: one observer per node, for every workspace. Both calls are one-way, so the caller
/// never waits for a node, and a slow or lost node holds up nobody.
/// </summary>
public interface IDashboardListener : IGrainObserver
{
    /// <summary>One pump tick of one workspace's changes committed on another node, for this node's dashboards.</summary>
    [OneWay]
    Task Receive(DashboardBatch batch);

    /// <summary>
    /// The workspace's listeners changed (a node took or left its lease, or follows other customers): sent by the
    /// registry to the nodes that read the listeners lately, because their grains commit that workspace's changes.
    /// </summary>
    [OneWay]
    Task ListenersChanged(string workspace, DashboardListeners listeners);
}
