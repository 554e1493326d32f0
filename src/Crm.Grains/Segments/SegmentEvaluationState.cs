namespace Crm.Grains.Segments;

public sealed class SegmentEvaluationState
{
    /// <summary>The catalog version every customer was last evaluated against.</summary>
    public long EvaluatedVersion { get; set; }

    /// <summary>The catalog version being evaluated against; above <see cref="EvaluatedVersion"/> while work remains.</summary>
    public long TargetVersion { get; set; }

    /// <summary>The last customer id evaluated in the current pass, in id order; null at its start.</summary>
    public string? After { get; set; }
}
