using Crm.Grains.Customers;
using Orleans;

namespace Crm.Grains.Merge;

/// <summary>The survivor as it is (or, for a dry run, would be) after the merge.</summary>
[GenerateSerializer]
[Alias("crm.MergeResult")]
public sealed record MergeResult(CustomerView Survivor, string DuplicateId, bool DryRun);
