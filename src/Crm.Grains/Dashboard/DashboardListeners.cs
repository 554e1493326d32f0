using Orleans;

namespace Crm.Grains.Dashboard;

/// <summary>The nodes holding a lease on a workspace's changes, each with the customers its dashboards follow.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardListeners")]
public sealed record DashboardListeners([property: Id(0)] IReadOnlyList<DashboardListener> Listeners)
{
    public static readonly DashboardListeners None = new([]);
}

[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardListener")]
public sealed record DashboardListener(
    [property: Id(0)] IDashboardListener Listener,
    [property: Id(1)] IReadOnlyList<string> Followed);
