using Orleans;

namespace Crm.Grains.Dashboard;

/// <summary>
/// Which nodes show a workspace's dashboards, keyed by the workspace id. A node holds a lease while it has dashboards
/// open for the workspace and renews it; a lease not renewed within <see cref="DashboardLeases.Duration"/> lapses, so a
/// node that died stops being sent to. Nodes whose grains commit changes read the listeners to know where to send, and
/// are told of changes for <see cref="DashboardLeases.ReaderFor"/> after each read. The table lives in memory only: if
/// the activation is lost, the next renewals rebuild it within one renewal period.
/// </summary>
public interface IDashboardRegistryGrain : IGrainWithStringKey
{
    /// <summary>Takes or renews the lease of <see cref="DashboardLease.Listener"/>; an older request than the last one it renewed with is ignored.</summary>
    Task Renew(DashboardLease lease);

    /// <summary>
    /// Ends the listener's lease at once, when its node has no dashboard of the workspace left. Its sequence is kept
    /// until the lease would have lapsed, so a renewal sent before the leave and delivered after it changes nothing.
    /// </summary>
    Task Leave(DashboardLease lease);

    /// <summary>The listeners whose lease has not lapsed; <paramref name="reader"/> is told when they change for a while.</summary>
    Task<DashboardListeners> GetListeners(IDashboardListener? reader);
}
