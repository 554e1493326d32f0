using Orleans;

namespace Crm.Grains.Dashboard;

/// <summary>
/// A node's claim to a workspace's changes. <see cref="Sequence"/> grows with every request the node makes, so a
/// renewal overtaken by a later one (the node followed another customer meanwhile) cannot put back an older set.
/// <see cref="Followed"/> are the customers whose timelines the node's dashboards follow.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardLease")]
public sealed record DashboardLease(
    [property: Id(0)] IDashboardListener Listener,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyList<string> Followed);
