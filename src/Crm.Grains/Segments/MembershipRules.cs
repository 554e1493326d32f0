using System.Collections.Frozen;
using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>
/// What a customer's segment membership is computed from at one catalog version: the rule-based segments with their
/// normalized rule text, and the ids of the static segments. Immutable, so the catalog hands the same instance to every
/// customer until it changes.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.MembershipRules")]
public sealed record MembershipRules(long Version, ImmutableArray<RuleSegment> Rules, FrozenSet<string> StaticSegmentIds)
{
    public static MembershipRules Empty { get; } = new(0, [], FrozenSet<string>.Empty);
}

/// <summary>A rule-based segment as membership needs it: its id and its rule in normalized form.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.RuleSegment")]
public sealed record RuleSegment(string SegmentId, string Rule);
