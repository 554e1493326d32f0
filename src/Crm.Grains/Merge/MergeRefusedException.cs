using Orleans;

namespace Crm.Grains.Merge;

/// <summary>A merge that cannot be done as asked (self-merge, a customer already merged elsewhere, another merge of the pair under way).</summary>
[GenerateSerializer]
[Alias("crm.MergeRefusedException")]
public sealed class MergeRefusedException(string reason) : Exception(reason);
