using Crm.Grains.ReadModel;
using Orleans;

namespace Crm.Grains.Dashboard;

/// <summary>
/// One pump tick of one workspace's committed changes, coalesced: the latest row per customer (null when it left the
/// list), the alerts in the order they happened, and new timeline entries of followed customers. The same batch is
/// pushed to the node's own dashboards and sent once to every other node that listens to the workspace.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardBatch")]
public sealed record DashboardBatch(
    [property: Id(0)] string Workspace,
    [property: Id(1)] IReadOnlyList<DashboardRowChange> Rows,
    [property: Id(2)] IReadOnlyList<DashboardAlert> Alerts,
    [property: Id(3)] IReadOnlyList<DashboardTimeline> Timelines)
{
    public bool IsEmpty => Rows.Count == 0 && Alerts.Count == 0 && Timelines.Count == 0;
}

[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardRowChange")]
public sealed record DashboardRowChange([property: Id(0)] string CustomerId, [property: Id(1)] CustomerListRow? Row);

[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardTimeline")]
public sealed record DashboardTimeline([property: Id(0)] string CustomerId, [property: Id(1)] IReadOnlyList<TimelineRow> Entries);
