using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>How far membership is evaluated: complete once <see cref="EvaluatedVersion"/> reaches the catalog's version.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.SegmentEvaluationStatus")]
public sealed record SegmentEvaluationStatus(long EvaluatedVersion, long TargetVersion, bool Running);
