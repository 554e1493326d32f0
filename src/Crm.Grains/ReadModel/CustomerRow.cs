using Crm.Grains.Customers;

namespace Crm.Grains.ReadModel;

/// <summary>A customer's read-model row, written with its state; a null snapshot removes the row (merged or erased).</summary>
public sealed record CustomerRow(string Workspace, string Id, CustomerSnapshot? Snapshot);
