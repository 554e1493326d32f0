using Crm.Grains.Segments;

namespace Crm.Grains.Tests.Segments;

public sealed class SegmentIdsTests
{
    [Theory]
    [InlineData("Big spenders", "big-spenders")]
    [InlineData("  VIP!! ", "vip")]
    [InlineData("Kunden in München", "kunden-in-munchen")]
    [InlineData("Q3 — renewals / EU", "q3-renewals-eu")]
    [InlineData("ŁÓDŹ Straße Œuvre", "lodz-strasse-oeuvre")]
    [InlineData("日本の顧客", "segment")]
    [InlineData("An unusually long segment name that goes on and on", "an-unusually-long-segment-name-that-goes")]
    public void An_id_is_the_name_in_lower_case_ascii_with_dashes(string name, string id)
    {
        var slug = SegmentIds.Slug(name);

        Assert.Equal(id, slug);
        Assert.True(SegmentIds.IsValid(slug));
    }

    [Fact]
    public void A_name_whose_id_was_ever_used_gets_the_next_free_number()
    {
        var used = new HashSet<string> { "vip", "vip-2" };

        var id = SegmentIds.New("VIP", used.Contains);

        Assert.Equal("vip-3", id);
    }

    [Fact]
    public void A_numbered_id_stays_within_the_length_limit()
    {
        var name = new string('a', 60);
        var taken = new HashSet<string> { SegmentIds.Slug(name) };

        var id = SegmentIds.New(name, taken.Contains);

        Assert.Equal(new string('a', SegmentIds.MaxLength - 2) + "-2", id);
    }
}
