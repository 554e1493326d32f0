using Crm.Grains.Customers;

namespace Crm.Grains.Segments;

/// <summary>Which segments a customer belongs to: what the customer grain stores as its segments on every commit.</summary>
public static class SegmentMembership
{
    /// <summary>
    /// The customer's static memberships that still name a static segment, together with every rule-based segment whose
    /// rule matches, sorted by id. Rules read <c>segments</c> as those static memberships only: never another rule's
    /// result nor this customer's previous result, so the answer depends neither on the order of the rules nor on
    /// history, and a rule cannot keep a customer in by naming its own segment.
    /// </summary>
    /// <param name="staticMemberships">The static segments agents added this customer to; ids of deleted segments are dropped.</param>
    /// <param name="now">The instant <c>within</c> and <c>older_than</c> count back from.</param>
    public static IReadOnlyList<string> Evaluate(
        MembershipRules rules,
        CompiledRuleCache cache,
        CustomerSnapshot customer,
        IEnumerable<string> staticMemberships,
        DateTimeOffset now)
    {
        var staticIds = staticMemberships.Where(rules.StaticSegmentIds.Contains).ToHashSet(StringComparer.Ordinal);
        var evaluated = customer with { Segments = staticIds };
        var members = new SortedSet<string>(staticIds, StringComparer.Ordinal);
        foreach (var segment in rules.Rules)
        {
            if (cache.Get(segment.Rule)?.Matches(evaluated, now) == true)
            {
                members.Add(segment.SegmentId);
            }
        }

        return [.. members];
    }
}
