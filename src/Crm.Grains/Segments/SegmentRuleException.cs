namespace Crm.Grains.Segments;

/// <summary>Thrown by <see cref="SegmentRule.Parse"/> when a rule does not parse or does not fit the field catalog.</summary>
public sealed class SegmentRuleException(RuleError error) : Exception(error.ToString())
{
    public RuleError Error { get; } = error;
}
