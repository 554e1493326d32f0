using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Dashboard;

/// <summary>
/// A node that has dashboards open, as other nodes reach it: one observer per node, for every workspace it shows.
/// </summary>
public interface IDashboardListener : IGrainObserver
{
    /// <summary>
    /// One pump tick of one workspace's changes committed on another node. One-way: the sender's pump never waits for a
    /// listener, so a slow or lost node holds up nobody.
    /// </summary>
    [OneWay]
    Task Receive(DashboardBatch batch);
}
