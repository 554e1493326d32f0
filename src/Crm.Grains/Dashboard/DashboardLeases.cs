namespace Crm.Grains.Dashboard;

/// <summary>How long a node's claim to a workspace's changes lasts and how often it renews it.</summary>
public static class DashboardLeases
{
    /// <summary>Three renewals may be missed (a long pause, a slow registry) before a live node stops receiving.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(3);
}
