using Orleans.Runtime;

namespace Crm.Grains.Dashboard;

/// <summary>
/// The registry's lease table, by listener, and the nodes to tell of changes. Held in memory: every live lease is
/// renewed within seconds, so a lost activation is rebuilt by the next renewals. A lapsed or left lease stays one more
/// lease duration, so a renewal delivered late cannot bring back an older claim.
/// </summary>
public sealed class DashboardRegistryState
{
    public Guid Epoch { get; } = Guid.NewGuid();

    public DateTimeOffset SettledAt { get; set; }

    public long Version { get; set; }

    public Dictionary<GrainId, HeldLease> Leases { get; } = [];

    public Dictionary<GrainId, Reader> Readers { get; } = [];

    /// <summary>The answer to readers, built again only after the table changed or a lease in it lapsed.</summary>
    public DashboardListeners? Listeners { get; set; }

    public DateTimeOffset ListenersValidUntil { get; set; }
}

public sealed record HeldLease(DashboardLease Lease, DateTimeOffset ExpiresAt);

public sealed record Reader(IDashboardListener Listener, DateTimeOffset Until);
