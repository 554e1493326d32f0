using Orleans;

namespace Crm.Grains.Segments;

/// <summary>Thrown by <see cref="SegmentRule.Parse"/> when a rule does not parse or does not fit the field catalog.</summary>
[GenerateSerializer]
[Alias("crm.SegmentRuleException")]
public sealed class SegmentRuleException(RuleError error) : Exception(error.ToString())
{
    [Id(0)]
    public RuleError Error { get; private init; } = error;
}
