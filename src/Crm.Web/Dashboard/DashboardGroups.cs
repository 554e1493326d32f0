namespace Crm.Web.Dashboard;

/// <summary>
/// SignalR group names. Both carry the workspace, so a connection can only ever join groups of the workspace its key
/// belongs to, whatever customer id it asks to follow.
/// </summary>
public static class DashboardGroups
{
    public static string Workspace(string workspace) => $"workspace:{workspace}";

    public static string Customer(string workspace, string customerId) => $"customer:{workspace}:{customerId}";
}
