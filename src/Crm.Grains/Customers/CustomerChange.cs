using Crm.Grains.ReadModel;

namespace Crm.Grains.Customers;

/// <summary>
/// What a committed customer write changed, for whoever shows it live. <see cref="Snapshot"/> is null when the customer
/// left the list (merged or erased).
/// </summary>
public sealed record CustomerChange(
    string Workspace,
    string CustomerId,
    CustomerSnapshot? Snapshot,
    bool EnteredAtRisk,
    bool BecameSalesOpportunity,
    IReadOnlyList<TimelineRow> Timeline,
    string? MergedInto = null);
