namespace Crm.Grains.ReadModel;

/// <summary>A page of the list and the cursor of the next one (null on the last page).</summary>
public sealed record CustomerListPage(IReadOnlyList<CustomerListRow> Rows, string? NextCursor);
