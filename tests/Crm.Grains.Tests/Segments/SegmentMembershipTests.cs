using System.Collections.Frozen;
using Crm.Grains.Customers;
using Crm.Grains.Segments;

namespace Crm.Grains.Tests.Segments;

public sealed class SegmentMembershipTests
{
    private readonly CompiledRuleCache _cache = new();

    [Fact]
    public void A_customer_belongs_to_its_static_segments_and_to_every_rule_segment_whose_rule_matches()
    {
        var rules = Rules(
            ["newsletter", "wholesale"],
            ("vips", "lifecycle = vip"),
            ("germany", "country = \"DE\""),
            ("churned", "lifecycle = churned"));

        var segments = SegmentMembership.Evaluate(rules, _cache, SampleCustomer.Create(), ["wholesale"], SampleCustomer.Now);

        Assert.Equal(["germany", "vips", "wholesale"], segments);
    }

    [Fact]
    public void Static_memberships_of_segments_that_are_gone_or_not_static_are_dropped()
    {
        var rules = Rules(["wholesale"], ("vips", "lifecycle = churned"));

        var segments = SegmentMembership.Evaluate(rules, _cache, SampleCustomer.Create(), ["wholesale", "deleted-one", "vips"], SampleCustomer.Now);

        Assert.Equal(["wholesale"], segments);
    }

    [Fact]
    public void Rules_read_the_static_memberships_but_neither_other_rules_results_nor_the_previous_ones()
    {
        var rules = Rules(
            ["do-not-contact"],
            ("reachable", "not segments has \"do-not-contact\""),
            ("vips", "lifecycle = vip"),
            ("vips-again", "segments has \"vips\""),
            ("sticky", "segments has \"sticky\""));
        var customer = SampleCustomer.Create() with { Segments = new HashSet<string> { "vips", "sticky", "do-not-contact" } };

        var contactable = SegmentMembership.Evaluate(rules, _cache, customer, [], SampleCustomer.Now);
        var blocked = SegmentMembership.Evaluate(rules, _cache, customer, ["do-not-contact"], SampleCustomer.Now);

        Assert.Equal(["reachable", "vips"], contactable);
        Assert.Equal(["do-not-contact", "vips"], blocked);
    }

    [Fact]
    public void Rules_over_time_count_back_from_now()
    {
        var rules = Rules([], ("recent", "last_active within 30d"));
        var customer = SampleCustomer.Create();

        var now = SegmentMembership.Evaluate(rules, _cache, customer, [], SampleCustomer.Now);
        var later = SegmentMembership.Evaluate(rules, _cache, customer, [], SampleCustomer.Now.AddDays(21));

        Assert.Equal(["recent"], now);
        Assert.Empty(later);
    }

    [Fact]
    public void A_stored_rule_that_no_longer_parses_matches_no_one_and_spares_the_others()
    {
        var rules = Rules([], ("broken", "lifecyle = vip"), ("vips", "lifecycle = vip"));

        var segments = SegmentMembership.Evaluate(rules, _cache, SampleCustomer.Create(), [], SampleCustomer.Now);

        Assert.Equal(["vips"], segments);
    }

    [Fact]
    public void Every_customer_evaluating_a_rule_shares_one_compilation()
    {
        var rules = Rules([], ("vips", "lifecycle = vip"), ("big", "ltv >= 1000"));
        var customers = Enumerable.Range(0, 50).Select(i => SampleCustomer.Create() with { Id = $"customer-{i}", LifetimeValue = i * 50 });

        var members = customers.Count(customer => SegmentMembership.Evaluate(rules, _cache, customer, [], SampleCustomer.Now).Contains("big"));

        Assert.Equal(30, members);
        Assert.Equal(2, _cache.Compilations);
    }

    private static MembershipRules Rules(string[] staticIds, params (string Id, string Rule)[] ruleSegments) => new(
        1,
        [.. ruleSegments.Select(segment => new RuleSegment(segment.Id, segment.Rule))],
        staticIds.ToFrozenSet());
}
