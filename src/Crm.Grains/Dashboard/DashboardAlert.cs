using Crm.Grains.ReadModel;
using Orleans;

namespace Crm.Grains.Dashboard;

/// <summary>
/// Something a whole workspace's dashboards are told about: a customer entering at risk or becoming a sales
/// opportunity (with its row), or a customer merged into <see cref="MergedInto"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.DashboardAlert")]
public sealed record DashboardAlert(
    [property: Id(0)] DashboardAlertKind Kind,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] CustomerListRow? Row,
    [property: Id(3)] string? MergedInto);

[GenerateSerializer]
[Alias("crm.DashboardAlertKind")]
public enum DashboardAlertKind
{
    NeedsAttention,
    Opportunity,
    Merged,
}
