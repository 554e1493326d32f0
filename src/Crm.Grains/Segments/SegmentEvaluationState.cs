using Orleans;

namespace Crm.Grains.Segments;

[GenerateSerializer]
[Alias("crm.SegmentEvaluationState")]
public sealed class SegmentEvaluationState
{
    /// <summary>The catalog version every customer was last evaluated against.</summary>
    [Id(0)]
    public long EvaluatedVersion { get; set; }

    /// <summary>The catalog version being evaluated against; above <see cref="EvaluatedVersion"/> while work remains.</summary>
    [Id(1)]
    public long TargetVersion { get; set; }

    /// <summary>The last customer id evaluated in the current pass, in id order; null at its start.</summary>
    [Id(2)]
    public string? After { get; set; }
}
