namespace Crm.Web.Dashboard;

/// <summary>
/// SignalR group names. Both carry the workspace, so a connection can only ever join groups of the workspace its key
/// belongs to, whatever customer id it asks to follow.
/// </summary>
public static class DashboardGroups
{
    public static string Workspace(string workspace) => $"workspace:{workspace}";

    /// <summary>Connections that receive every row change of the workspace: those that never said which rows they show.</summary>
    public static string AllRows(string workspace) => $"rows:{workspace}";

    /// <summary>Connections showing this customer's row.</summary>
    public static string Row(string workspace, string customerId) => $"row:{workspace}:{customerId}";

    /// <summary>Connections following this customer's timeline.</summary>
    public static string Customer(string workspace, string customerId) => $"customer:{workspace}:{customerId}";
}
