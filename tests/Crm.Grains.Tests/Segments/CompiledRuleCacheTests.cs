using Crm.Grains.Segments;

namespace Crm.Grains.Tests.Segments;

public sealed class CompiledRuleCacheTests
{
    [Fact]
    public void A_rule_text_is_compiled_once_however_many_callers_ask_at_once()
    {
        var cache = new CompiledRuleCache();
        var rules = new SegmentRule?[1_000];

        Parallel.For(0, rules.Length, i => rules[i] = cache.Get("ltv >= 100 and lifecycle = vip"));

        Assert.Equal(1, cache.Compilations);
        Assert.NotNull(Assert.Single(rules.Distinct()));
    }

    [Fact]
    public void Each_distinct_rule_text_is_compiled_once()
    {
        var cache = new CompiledRuleCache();

        foreach (var _ in Enumerable.Range(0, 3))
        {
            cache.Get("orders > 3");
            cache.Get("tags has \"vip\"");
        }

        Assert.Equal(2, cache.Compilations);
    }

    [Fact]
    public void A_text_that_does_not_parse_gives_no_rule_and_is_not_parsed_again()
    {
        var cache = new CompiledRuleCache();

        var first = cache.Get("lifecyle = vip");
        var second = cache.Get("lifecyle = vip");

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(1, cache.Compilations);
    }

    [Fact]
    public void A_full_cache_starts_over_rather_than_growing()
    {
        var cache = new CompiledRuleCache(capacity: 2);
        cache.Get("orders > 1");
        cache.Get("orders > 2");

        cache.Get("orders > 3");
        cache.Get("orders > 1");

        Assert.Equal(4, cache.Compilations);
    }
}
