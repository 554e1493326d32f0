using Crm.Grains.Customers;
using Crm.Grains.Segments;

namespace Crm.Grains.Tests.Segments;

public sealed class SegmentRuleEvaluationTests
{
    [Theory]
    [InlineData("name = \"Ana Souza\"", true)]
    [InlineData("name = \"ANA SOUZA\"", true)]
    [InlineData("city = \"MÜNCHEN\"", true)]
    [InlineData("name = \"Ana\"", false)]
    [InlineData("name != \"Bob\"", true)]
    [InlineData("name != \"ana souza\"", false)]
    [InlineData("company contains \"LTDA\"", true)]
    [InlineData("company contains \"GmbH\"", false)]
    [InlineData("email starts_with \"ANA@\"", true)]
    [InlineData("email starts_with \"example\"", false)]
    [InlineData("country in [\"AT\", \"de\"]", true)]
    [InlineData("country in [\"AT\", \"CH\"]", false)]
    [InlineData("name < \"BOB\"", true)]
    [InlineData("name >= \"anb\"", false)]
    [InlineData("name <= \"ana souza\"", true)]
    [InlineData("name > \"ana\"", true)]
    public void Compares_strings_ignoring_case(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("lifecycle = vip", true)]
    [InlineData("lifecycle = \"VIP\"", true)]
    [InlineData("lifecycle != vip", false)]
    [InlineData("lifecycle = at_risk", false)]
    [InlineData("lifecycle in [customer, vip]", true)]
    [InlineData("lifecycle in [lead, churned]", false)]
    [InlineData("intent = support", true)]
    [InlineData("intent != support", false)]
    [InlineData("intent in [sales_opportunity, general]", false)]
    public void Compares_lifecycle_and_intent_by_name(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData(Lifecycle.Lead, true)]
    [InlineData(Lifecycle.Customer, false)]
    public void Prospect_is_another_name_for_lead(Lifecycle lifecycle, bool expected)
    {
        var customer = SampleCustomer.Create() with { Lifecycle = lifecycle };

        var matches = SegmentRule.Parse("lifecycle = prospect").Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("orders = 3", true)]
    [InlineData("orders = 3.0", true)]
    [InlineData("orders = 3.5", false)]
    [InlineData("orders != 3", false)]
    [InlineData("orders != 3.5", true)]
    [InlineData("orders > 2.5", true)]
    [InlineData("orders > 3", false)]
    [InlineData("orders >= 3", true)]
    [InlineData("orders >= 3.5", false)]
    [InlineData("orders < 3", false)]
    [InlineData("orders < 3.5", true)]
    [InlineData("orders <= 2.9", false)]
    [InlineData("orders <= 3", true)]
    [InlineData("orders in [1, 3]", true)]
    [InlineData("orders in [1, 2]", false)]
    [InlineData("orders < 99999999999", true)]
    [InlineData("orders > -99999999999", true)]
    [InlineData("orders = 99999999999", false)]
    [InlineData("orders > 99999999999", false)]
    [InlineData("orders <= -99999999999", false)]
    [InlineData("conversations = 12 and messages > 100", true)]
    [InlineData("ltv >= 1250.50", true)]
    [InlineData("ltv > 1250.5", false)]
    [InlineData("ltv = 1250.5", true)]
    [InlineData("ltv < 1000", false)]
    [InlineData("intent_score > 0.75", true)]
    [InlineData("intent_score <= -1", false)]
    [InlineData("csat >= 4.5", true)]
    [InlineData("csat < 4.5", false)]
    [InlineData("csat in [1, 4.5]", true)]
    public void Compares_numbers(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("tags has \"vip\"", true)]
    [InlineData("tags has \"VIP\"", true)]
    [InlineData("tags has \"gold\"", false)]
    [InlineData("tags has any [\"gold\", \"newsletter\"]", true)]
    [InlineData("tags has any [\"gold\", \"silver\"]", false)]
    [InlineData("tags has all [\"vip\", \"newsletter\"]", true)]
    [InlineData("tags has all [\"vip\", \"gold\"]", false)]
    [InlineData("segments has \"germany\"", true)]
    [InlineData("channels has whatsapp", true)]
    [InlineData("channels has \"Email\"", true)]
    [InlineData("channels has sms", false)]
    public void Tests_sets_for_membership(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("first_seen = 2025-03-01", true)]
    [InlineData("first_seen = 2025-03-02", false)]
    [InlineData("first_seen != 2025-03-01", false)]
    [InlineData("first_seen < 2025-03-01", false)]
    [InlineData("first_seen <= 2025-03-01", true)]
    [InlineData("first_seen > 2025-03-01", false)]
    [InlineData("first_seen >= 2025-03-01", true)]
    [InlineData("first_seen < 2025-03-02", true)]
    [InlineData("first_seen > 2025-02-28", true)]
    [InlineData("first_seen = 2025-03-01T10:00:00Z", true)]
    [InlineData("first_seen = 2025-03-01T12:00:00+02:00", true)]
    [InlineData("first_seen > 2025-03-01T10:00", false)]
    [InlineData("first_seen >= 2025-03-01T10:00:00.000Z", true)]
    [InlineData("first_seen < 2025-03-01T10:00:00.0000001Z", true)]
    [InlineData("first_seen in [2024-01-01, 2025-03-01]", true)]
    public void Compares_timestamps_with_days_and_instants(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("last_active within 30d", true)]
    [InlineData("last_active within 10d", true)]
    [InlineData("last_active within 240h", true)]
    [InlineData("last_active within 239h", false)]
    [InlineData("last_active within 9d", false)]
    [InlineData("last_active older_than 9d", true)]
    [InlineData("last_active older_than 10d", false)]
    [InlineData("first_seen older_than 365d", true)]
    [InlineData("last_contact within 36500d", false)]
    [InlineData("last_contact older_than 0h", false)]
    public void Relative_time_counts_back_from_now(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Fact]
    public void The_same_rule_gives_a_different_answer_as_now_moves_on()
    {
        var rule = SegmentRule.Parse("last_active within 30d");
        var customer = SampleCustomer.Create();

        var soon = rule.Matches(customer, SampleCustomer.Now.AddDays(19));
        var later = rule.Matches(customer, SampleCustomer.Now.AddDays(21));

        Assert.True(soon);
        Assert.False(later);
    }

    [Theory]
    [InlineData("attr.plan = \"PREMIUM\"", true)]
    [InlineData("attr.plan contains \"prem\"", true)]
    [InlineData("attr.plan starts_with \"basic\"", false)]
    [InlineData("attr.plan in [\"basic\", \"premium\"]", true)]
    [InlineData("attr.seats >= 10", true)]
    [InlineData("attr.seats = 12.0", true)]
    [InlineData("attr.seats < 12", false)]
    [InlineData("attr.trial = false", true)]
    [InlineData("attr.trial != true", true)]
    [InlineData("attr.trial = true", false)]
    [InlineData("attr.renewal = 2027-01-15", true)]
    [InlineData("attr.renewal < 2027-02-01", true)]
    [InlineData("attr.renewal > 2027-01-15", false)]
    [InlineData("attr.seats in [\"twelve\", 12]", true)]
    [InlineData("attr.plan is not null", true)]
    [InlineData("attr.plan is null", false)]
    public void Compares_custom_attributes_by_the_kind_of_the_operand(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("attr.seats = \"12\"")]
    [InlineData("attr.seats != \"12\"")]
    [InlineData("attr.seats contains \"1\"")]
    [InlineData("attr.plan > 1")]
    [InlineData("attr.plan != 1")]
    [InlineData("attr.trial != 1")]
    [InlineData("attr.renewal != true")]
    [InlineData("attr.plan < 2030-01-01")]
    public void An_attribute_of_another_kind_than_the_operand_matches_nothing(string rule)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("attr.tier = \"gold\"", false)]
    [InlineData("attr.tier != \"gold\"", false)]
    [InlineData("attr.tier > 1", false)]
    [InlineData("attr.tier is null", true)]
    [InlineData("attr.tier is not null", false)]
    [InlineData("not attr.tier = \"gold\"", true)]
    public void An_attribute_no_customer_has_reads_as_null(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("language = \"en\"", false)]
    [InlineData("language != \"en\"", false)]
    [InlineData("language contains \"e\"", false)]
    [InlineData("language in [\"en\", \"de\"]", false)]
    [InlineData("language < \"zz\"", false)]
    [InlineData("language is null", true)]
    [InlineData("language is not null", false)]
    [InlineData("not language = \"en\"", true)]
    [InlineData("language != \"en\" or language is null", true)]
    [InlineData("name is null", false)]
    [InlineData("name is not null", true)]
    [InlineData("last_contact is null", true)]
    [InlineData("last_contact < 2030-01-01", false)]
    [InlineData("last_contact != 2030-01-01", false)]
    [InlineData("last_active is not null", true)]
    public void A_comparison_with_a_missing_value_is_false_whatever_the_operator(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(3.9, false)]
    [InlineData(4.0, true)]
    public void Csat_is_null_until_the_first_score(double? csat, bool expected)
    {
        var customer = SampleCustomer.Create() with { CsatAverage = csat };

        var matches = SegmentRule.Parse("csat >= 4").Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var rule = SegmentRule.Parse("lifecycle = vip or orders = 0 and tags has \"gold\"");

        var matches = rule.Matches(SampleCustomer.Create(), SampleCustomer.Now);

        Assert.True(matches);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var rule = SegmentRule.Parse("(lifecycle = vip or orders = 0) and tags has \"gold\"");

        var matches = rule.Matches(SampleCustomer.Create(), SampleCustomer.Now);

        Assert.False(matches);
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        var rule = SegmentRule.Parse("not lifecycle = vip and orders = 0");

        var matches = rule.Matches(SampleCustomer.Create(), SampleCustomer.Now);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("not lifecycle = vip", false)]
    [InlineData("not lifecycle = lead", true)]
    [InlineData("not not tags has \"vip\"", true)]
    [InlineData("not (lifecycle = vip and orders = 0)", true)]
    [InlineData("not (lifecycle = vip or orders = 0)", false)]
    public void Not_inverts_its_operand(string rule, bool expected)
    {
        var customer = SampleCustomer.Create();

        var matches = SegmentRule.Parse(rule).Matches(customer, SampleCustomer.Now);

        Assert.Equal(expected, matches);
    }

    [Fact]
    public void Keywords_and_field_names_ignore_case()
    {
        var rule = SegmentRule.Parse("Lifecycle = VIP AND Tags HAS \"vip\" AND NOT City IS NULL");

        var matches = rule.Matches(SampleCustomer.Create(), SampleCustomer.Now);

        Assert.True(matches);
    }

    [Fact]
    public void Fields_lists_every_field_the_rule_reads()
    {
        var rule = SegmentRule.Parse("lifecycle = vip and (attr.plan = \"x\" or tags has \"a\") and not Lifecycle = lead");

        var fields = rule.Fields;

        Assert.Equal(["attr.plan", "lifecycle", "tags"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compiling_twice_gives_the_same_delegate()
    {
        var rule = SegmentRule.Parse("orders > 1");

        var first = rule.Compile();
        var second = rule.Compile();

        Assert.Same(first, second);
    }

    [Fact]
    public void Evaluating_a_compiled_rule_allocates_nothing()
    {
        var rule = SegmentRule.Parse(
            "lifecycle in [active, vip] and country in [\"de\", \"at\"] and attr.plan = \"premium\" and attr.seats > 10 " +
            "and tags has any [\"gold\", \"vip\"] and last_active within 30d and csat >= 4 and not first_seen > 2026-01-01");
        var predicate = rule.Compile();
        var customer = SampleCustomer.Create();
        Assert.True(predicate(customer, SampleCustomer.Now));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            predicate(customer, SampleCustomer.Now);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
