using Crm.Grains.Segments;

namespace Crm.Grains.Tests.Segments;

public sealed class SegmentRuleErrorTests
{
    [Theory]
    [InlineData("", 1, "the rule is empty")]
    [InlineData("  \n ", 1, "the rule is empty")]
    [InlineData("lifecyle = vip", 1, "unknown field 'lifecyle' (did you mean 'lifecycle'?)")]
    [InlineData("lifcyle = vip", 1, "unknown field 'lifcyle' (did you mean 'lifecycle'?)")]
    [InlineData("orders > 1 and lifecyle = vip", 16, "unknown field 'lifecyle' (did you mean 'lifecycle'?)")]
    [InlineData("favourite_colour = \"red\"", 1, "unknown field 'favourite_colour'")]
    [InlineData("attr = \"x\"", 1, "unknown field 'attr'; custom attributes are written attr.<name>, like attr.plan")]
    [InlineData("attr. = \"x\"", 1, "'attr.' needs an attribute name, like attr.plan")]
    [InlineData("attr.a.b = \"x\"", 1, "'attr.a.b' is not an attribute name; attribute names are letters, digits and '_'")]
    [InlineData("orders > 1 and ltv = \"abc\"", 22, "'ltv' is a number and cannot be compared with \"abc\"")]
    [InlineData("orders = true", 10, "'orders' is a number and cannot be compared with true")]
    [InlineData("lifecycle = 3", 13, "'lifecycle' is a lifecycle stage and cannot be compared with 3")]
    [InlineData("lifecycle = gold", 13, "unknown lifecycle 'gold'; use lead, customer, active, at_risk, churned or vip")]
    [InlineData("lifecycle in [vip, \"atrisk\"]", 20, "unknown lifecycle 'atrisk' (did you mean 'at_risk'?)")]
    [InlineData("intent = sale", 10, "unknown intent 'sale'; use no_engagement, general, support or sales_opportunity")]
    [InlineData("channels has pigeon", 14, "unknown channel 'pigeon'; use whatsapp, sms, phone, email, widget or instagram")]
    [InlineData("city = berlin", 8, "'city' is a string; put the value in double quotes, like \"berlin\"")]
    [InlineData("city = 42", 8, "'city' is a string and cannot be compared with 42")]
    [InlineData("tags has vip", 10, "'tags' holds strings; put the value in double quotes, like \"vip\"")]
    [InlineData("tags has any [\"a\", 1]", 20, "'tags' holds strings, not 1")]
    [InlineData("last_active > \"2026-01-01\"", 15, "'last_active' is a date; write dates without quotes, like 2026-01-01")]
    [InlineData("last_active > \"yesterday\"", 15, "'last_active' is a date and cannot be compared with \"yesterday\"")]
    [InlineData("city = null", 8, "null is not a value to compare with; test for a missing value with 'is null' or 'is not null'")]
    [InlineData("attr.plan = gold", 13, "custom attributes are compared with a quoted string, a number, true, false or a date; put text in double quotes, like \"gold\"")]
    [InlineData("attr.trial > true", 14, "true and false can only be compared with = or !=")]
    [InlineData("attr.renewal = 2027-01-15T10:00Z", 16, "custom date attributes hold days; write the day without a time, like 2026-01-31")]
    [InlineData("attr.seats contains 1", 21, "'contains' needs a string in double quotes")]
    public void Refuses_a_rule_that_does_not_fit_the_field_catalog(string rule, int column, string message)
    {
        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(column, message), error);
    }

    [Theory]
    [InlineData("tags = \"vip\"", 6, "'tags' is a set; test it with has, has any or has all")]
    [InlineData("channels in [sms]", 10, "'channels' is a set; test it with has, has any or has all")]
    [InlineData("city has \"x\"", 6, "'has' works on tags, segments and channels, and 'city' is a string")]
    [InlineData("ltv has any [\"x\"]", 5, "'has any' works on tags, segments and channels, and 'ltv' is a number")]
    [InlineData("orders is null", 8, "'orders' always has a value, so 'is null' cannot be used on it")]
    [InlineData("first_seen is not null", 12, "'first_seen' always has a value, so 'is not null' cannot be used on it")]
    [InlineData("city within 3d", 6, "'within' works on first_seen, last_active and last_contact, and 'city' is a string")]
    [InlineData("attr.renewal older_than 3d", 14, "'older_than' works on first_seen, last_active and last_contact, and 'attr.renewal' is a custom attribute")]
    [InlineData("ltv contains \"1\"", 5, "'contains' works on strings, and 'ltv' is a number")]
    [InlineData("lifecycle starts_with \"v\"", 11, "'starts_with' works on strings, and 'lifecycle' is a lifecycle stage")]
    [InlineData("lifecycle > lead", 11, "'lifecycle' is a lifecycle stage and has no order; compare it with =, != or in")]
    [InlineData("intent <= support", 8, "'intent' is an intent and has no order; compare it with =, != or in")]
    public void Refuses_an_operator_the_field_does_not_support(string rule, int column, string message)
    {
        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(column, message), error);
    }

    [Theory]
    [InlineData("name = \"Ana", 8, "the string that starts here is not closed with '\"'")]
    [InlineData("name = \"Ana\\", 8, "the string that starts here is not closed with '\"'")]
    [InlineData("name = \"a\\qb\"", 10, "unknown escape '\\q'; a string may use \\\" \\\\ \\n \\r and \\t")]
    [InlineData("name = 'Ana'", 8, "strings go in double quotes, like \"Berlin\"")]
    [InlineData("name = \"a\" # x", 12, "unexpected character '#'")]
    [InlineData("name = \"a\" && city = \"b\"", 12, "unexpected '&'; write 'and'")]
    [InlineData("name = \"a\" || city = \"b\"", 12, "unexpected '|'; write 'or'")]
    [InlineData("! city = \"b\"", 1, "unexpected '!'; write 'not' to negate or '!=' for not equal")]
    [InlineData("orders > 1.", 10, "'1.' needs digits after the decimal point")]
    [InlineData("ltv > 99999999999999999999999999999999", 7, "'99999999999999999999999999999999' is too large a number")]
    [InlineData("first_seen > 2026-13-01", 14, "'2026-13-01' is not a date; write a day like 2026-01-31 or an instant like 2026-01-31T09:30:00Z")]
    [InlineData("city = 30d", 8, "'30d' is a duration, which only follows 'within' or 'older_than'")]
    public void Refuses_a_malformed_token(string rule, int column, string message)
    {
        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(column, message), error);
    }

    [Theory]
    [InlineData("name", 5, "expected an operator after 'name' but found the end of the rule (=, !=, <, <=, >, >=, contains, starts_with, in, has, is, within or older_than)")]
    [InlineData("name equals \"a\"", 6, "expected an operator after 'name' but found 'equals' (=, !=, <, <=, >, >=, contains, starts_with, in, has, is, within or older_than)")]
    [InlineData("name contain \"a\"", 6, "expected an operator after 'name' but found 'contain' (did you mean 'contains'?)")]
    [InlineData("country not in [\"DE\"]", 9, "expected an operator after 'country' but found 'not'; to negate a condition, put 'not' before it: not country ...")]
    [InlineData("name =", 7, "expected a value after '=' but found the end of the rule")]
    [InlineData("name = and", 8, "expected a value after '=' but found 'and'")]
    [InlineData("name = \"a\" and", 15, "expected a field name, 'not' or '(' but found the end of the rule")]
    [InlineData("and name = \"a\"", 1, "expected a field name, 'not' or '(' but found 'and'")]
    [InlineData("name = \"a\" city = \"b\"", 12, "unexpected 'city'; join conditions with 'and' or 'or'")]
    [InlineData("name = \"a\" \"b\"", 12, "unexpected \"b\"; join conditions with 'and' or 'or'")]
    [InlineData("name = \"a\")", 11, "')' has no matching '('")]
    [InlineData("(name = \"a\"", 1, "the '(' here is not closed with ')'")]
    [InlineData("(name = \"a\" ]", 13, "expected ')' or 'and' or 'or' but found ']'")]
    [InlineData("()", 2, "expected a field name, 'not' or '(' but found ')'")]
    [InlineData("country in \"DE\"", 12, "expected a list like [\"a\", \"b\"] after 'in' but found \"DE\"")]
    [InlineData("country in []", 12, "the list is empty")]
    [InlineData("country in [\"DE\" \"AT\"]", 18, "expected ',' or ']' in the list but found \"AT\"")]
    [InlineData("country in [\"DE\",]", 18, "expected a value after ',' but found ']'")]
    [InlineData("country in [\"DE\"", 12, "the list that starts here is not closed with ']'")]
    [InlineData("tags has all \"a\"", 14, "expected a list like [\"a\", \"b\"] after 'all' but found \"a\"")]
    [InlineData("city is nul", 9, "expected 'null' after 'is' but found 'nul'")]
    [InlineData("city is not \"x\"", 13, "expected 'null' after 'is not' but found \"x\"")]
    [InlineData("last_active within 30", 20, "'30' needs a unit: 30d for days or 30h for hours")]
    [InlineData("last_active within 3w", 20, "unknown unit 'w' in '3w'; use d for days or h for hours")]
    [InlineData("last_active within 1.5d", 20, "'1.5d' is not a duration; write a whole number of days or hours, like 30d or 12h")]
    [InlineData("last_active within -3d", 20, "'-3d' is not a duration; write a whole number of days or hours, like 30d or 12h")]
    [InlineData("last_active within 36501d", 20, "'36501d' is too long; the longest duration is 36500d")]
    [InlineData("last_active within recently", 20, "expected a duration like 30d or 12h after 'within' but found 'recently'")]
    public void Refuses_a_rule_that_does_not_parse(string rule, int column, string message)
    {
        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(column, message), error);
    }

    [Fact]
    public void A_syntax_error_is_reported_before_a_field_error_earlier_in_the_rule()
    {
        var parsed = SegmentRule.TryParse("lifecyle = vip and (", out _, out var error);

        Assert.False(parsed);
        Assert.Equal(21, error!.Column);
    }

    [Fact]
    public void A_rule_at_the_length_limit_parses()
    {
        var rule = PadTo("orders > 1", SegmentRule.MaxLength);

        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.True(parsed, error?.ToString());
    }

    [Fact]
    public void A_rule_over_the_length_limit_is_refused_at_the_first_character_past_it()
    {
        var rule = PadTo("orders > 1", SegmentRule.MaxLength + 1);

        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(2_001, "the rule is 2,001 characters long; the limit is 2,000"), error);
    }

    [Fact]
    public void Parentheses_may_nest_to_the_depth_limit()
    {
        var rule = new string('(', SegmentRule.MaxDepth) + "orders > 1" + new string(')', SegmentRule.MaxDepth);

        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.True(parsed, error?.ToString());
    }

    [Fact]
    public void Parentheses_nested_past_the_depth_limit_are_refused_at_the_first_one_too_deep()
    {
        var rule = new string('(', SegmentRule.MaxDepth + 1) + "orders > 1" + new string(')', SegmentRule.MaxDepth + 1);

        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(33, "the rule nests deeper than 32 levels of parentheses and 'not'"), error);
    }

    [Fact]
    public void Nots_count_toward_the_depth_limit()
    {
        var rule = string.Concat(Enumerable.Repeat("not ", 20)) + string.Concat(Enumerable.Repeat("(", 13)) + "orders > 1" + new string(')', 13);

        var parsed = SegmentRule.TryParse(rule, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(93, "the rule nests deeper than 32 levels of parentheses and 'not'"), error);
    }

    [Fact]
    public void A_long_chain_of_ands_is_not_nesting()
    {
        var rule = string.Join(" and ", Enumerable.Repeat("orders > 1", 100));

        var parsed = SegmentRule.TryParse(rule, out var parsedRule, out var error);

        Assert.True(parsed, error?.ToString());
        Assert.True(parsedRule!.Matches(SampleCustomer.Create(), SampleCustomer.Now));
    }

    [Fact]
    public void Parse_throws_the_error_that_try_parse_returns()
    {
        SegmentRule.TryParse("ltv = \"abc\"", out _, out var expected);

        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("ltv = \"abc\""));

        Assert.Equal(expected, exception.Error);
        Assert.Equal("column 7: 'ltv' is a number and cannot be compared with \"abc\"", exception.Message);
    }

    [Fact]
    public void A_null_rule_is_an_empty_rule()
    {
        var parsed = SegmentRule.TryParse(null, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(new RuleError(1, "the rule is empty"), error);
    }

    private static string PadTo(string rule, int length) => rule + new string(' ', length - rule.Length - 1) + " ";
}
