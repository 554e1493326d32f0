using Orleans;

namespace Crm.Grains.Dashboard;

/// <summary>
/// The nodes holding a lease on a workspace's changes, each with the customers its dashboards follow.
/// <see cref="Version"/> grows with every change within one registry activation (<see cref="Epoch"/>), so a reader
/// can tell an answer that overtook a newer one. <see cref="Settling"/> says the activation is younger than a renewal
/// period, so nodes that listened before it started may not have renewed into it yet.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardListeners")]
public sealed record DashboardListeners(
    [property: Id(0)] IReadOnlyList<DashboardListener> Listeners,
    [property: Id(1)] Guid Epoch,
    [property: Id(2)] long Version,
    [property: Id(3)] bool Settling)
{
    /// <summary>Whether this answer is at least as recent as <paramref name="other"/> (or from another activation, which only a newer read can bring).</summary>
    public bool Supersedes(DashboardListeners? other) => other is null || Epoch != other.Epoch || Version >= other.Version;
}

[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardListener")]
public sealed record DashboardListener(
    [property: Id(0)] IDashboardListener Listener,
    [property: Id(1)] IReadOnlyList<string> Followed);
