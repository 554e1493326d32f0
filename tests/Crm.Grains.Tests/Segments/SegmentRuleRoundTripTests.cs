using Crm.Grains.Segments;

namespace Crm.Grains.Tests.Segments;

public sealed class SegmentRuleRoundTripTests
{
    [Theory]
    [InlineData("Lifecycle = VIP AND  Country = \"de\"", "lifecycle = vip and country = \"de\"")]
    [InlineData("lifecycle = \"At_Risk\"", "lifecycle = \"At_Risk\"")]
    [InlineData("(lifecycle = lead or lifecycle = vip) and orders > 1", "(lifecycle = lead or lifecycle = vip) and orders > 1")]
    [InlineData("lifecycle = lead or (lifecycle = vip and orders > 1)", "lifecycle = lead or lifecycle = vip and orders > 1")]
    [InlineData("((city = \"x\"))", "city = \"x\"")]
    [InlineData("not (orders > 1 and orders < 5)", "not (orders > 1 and orders < 5)")]
    [InlineData("not (orders > 1)", "not orders > 1")]
    [InlineData("NOT NOT orders > 1", "not not orders > 1")]
    [InlineData("(orders > 1 and orders < 5) and orders != 3", "orders > 1 and orders < 5 and orders != 3")]
    [InlineData("name = \"say \\\"hi\\\"\\n\\t\\\\\"", "name = \"say \\\"hi\\\"\\n\\t\\\\\"")]
    [InlineData("ltv >= 12.50 and intent_score > -0.5", "ltv >= 12.50 and intent_score > -0.5")]
    [InlineData("first_seen >= 2026-01-15T09:30:00+02:00", "first_seen >= 2026-01-15T07:30:00Z")]
    [InlineData("first_seen >= 2026-01-15T09:30", "first_seen >= 2026-01-15T09:30:00Z")]
    [InlineData("first_seen < 2026-01-15T09:30:00.250Z", "first_seen < 2026-01-15T09:30:00.25Z")]
    [InlineData("first_seen < 2026-01-15T09:30:00.1234567Z", "first_seen < 2026-01-15T09:30:00.1234567Z")]
    [InlineData("first_seen = 2026-01-15", "first_seen = 2026-01-15")]
    [InlineData("last_active WITHIN 30D or last_contact older_than 12h", "last_active within 30d or last_contact older_than 12h")]
    [InlineData("tags HAS ANY [\"A\",\"b\"] and tags has all [\"c\"]", "tags has any [\"A\", \"b\"] and tags has all [\"c\"]")]
    [InlineData("channels has WhatsApp", "channels has whatsapp")]
    [InlineData("ATTR.Plan is not null and attr.trial = TRUE", "attr.Plan is not null and attr.trial = true")]
    [InlineData("city IS NULL", "city is null")]
    [InlineData("email starts_with \"a\" or email CONTAINS \"b\"", "email starts_with \"a\" or email contains \"b\"")]
    public void To_string_gives_the_normalized_rule(string rule, string normalized)
    {
        var parsed = SegmentRule.Parse(rule);

        var text = parsed.ToString();

        Assert.Equal(normalized, text);
    }

    [Theory]
    [InlineData("lifecycle = lead or (lifecycle = vip and orders > 1)")]
    [InlineData("(lifecycle = lead or lifecycle = vip) and not (orders > 1 or tags has \"x\")")]
    [InlineData("name = \"quote \\\" and backslash \\\\\" and city != \"a\\nb\"")]
    [InlineData("first_seen >= 2026-01-15T09:30:00.1234567-03:00 and attr.renewal <= 2027-01-01")]
    public void The_normalized_rule_parses_back_to_itself(string rule)
    {
        var normalized = SegmentRule.Parse(rule).ToString();

        var reparsed = SegmentRule.Parse(normalized).ToString();

        Assert.Equal(normalized, reparsed);
    }

    [Fact]
    public void The_normalized_rule_reads_the_same_fields()
    {
        var rule = SegmentRule.Parse("Lifecycle = vip or ATTR.Plan = \"x\" and TAGS has \"a\"");

        var reparsed = SegmentRule.Parse(rule.ToString());

        Assert.Equal(rule.Fields.Order(StringComparer.Ordinal), reparsed.Fields.Order(StringComparer.Ordinal));
    }
}
