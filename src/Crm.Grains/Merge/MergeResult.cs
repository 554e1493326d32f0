using Crm.Grains.Customers;

namespace Crm.Grains.Merge;

/// <summary>The survivor as it is (or, for a dry run, would be) after the merge.</summary>
public sealed record MergeResult(CustomerView Survivor, string DuplicateId, bool DryRun);
