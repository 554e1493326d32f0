namespace Crm.Grains.Dashboard;

/// <summary>How long a node's claim to a workspace's changes lasts, how often it renews it, and how long a reader is told of changes.</summary>
public static class DashboardLeases
{
    /// <summary>Three renewals may be missed (a long pause, a slow registry) before a live node stops receiving.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(3);

    /// <summary>A node whose grains keep committing reads again about every second, well within this.</summary>
    public static readonly TimeSpan ReaderFor = TimeSpan.FromSeconds(5);
}
