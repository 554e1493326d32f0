using Crm.Grains.Identities;

namespace Crm.Grains.Tests.Identities;

public sealed class IdentityNormalizerTests
{
    private const string UnitedStates = "US";

    [Theory]
    [InlineData(Channel.Email, "  Ana.Souza@Example.COM ", "ana.souza@example.com")]
    [InlineData(Channel.Instagram, "@Ana_Souza.Shop", "ana_souza.shop")]
    [InlineData(Channel.Widget, "Sess-AbC-123", "Sess-AbC-123")]
    [InlineData(Channel.Whatsapp, "+55 (11) 98765-4321", "+5511987654321")]
    [InlineData(Channel.Sms, "0044 20 7946 0958", "+442079460958")]
    [InlineData(Channel.Phone, "(415) 555.0123", "+14155550123")]
    [InlineData(Channel.Phone, "1 (415) 555-0123", "+14155550123")]
    public void Normalizes_to_the_canonical_value(Channel channel, string raw, string expected)
    {
        var result = IdentityNormalizer.Normalize(channel, raw, UnitedStates);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(Channel.Email, "", "empty")]
    [InlineData(Channel.Email, "null", "placeholder")]
    [InlineData(Channel.Widget, "undefined", "placeholder")]
    [InlineData(Channel.Instagram, "Anonymous", "placeholder")]
    [InlineData(Channel.Email, "unknown", "placeholder")]
    [InlineData(Channel.Widget, "000000", "all zeros")]
    [InlineData(Channel.Phone, "+0000000000", "all zeros")]
    [InlineData(Channel.Phone, "+1 111 111 1111", "repeated")]
    [InlineData(Channel.Phone, "+1234567", "too short for US (+1)")]
    [InlineData(Channel.Phone, "+1234567890123456", "too long for US (+1)")]
    [InlineData(Channel.Phone, "+1 415 CALL-NOW", "not a digit")]
    [InlineData(Channel.Email, "ana.example.com", "name@domain")]
    [InlineData(Channel.Email, "ana@@example.com", "name@domain")]
    [InlineData(Channel.Instagram, "@", "instagram handle")]
    public void Refuses_junk_with_a_reason(Channel channel, string raw, string reasonFragment)
    {
        var result = IdentityNormalizer.Normalize(channel, raw, UnitedStates);

        Assert.False(result.IsValid);
        Assert.Contains(reasonFragment, result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ZZ")]
    [InlineData(null)]
    public void National_phone_without_a_default_region_is_refused(string? region)
    {
        var result = IdentityNormalizer.Normalize(Channel.Phone, "415 555 0123", region);

        Assert.Equal("phone number has no country code and the workspace has no default phone region", result.Error);
    }

    [Theory]
    [InlineData(Channel.Phone)]
    [InlineData(Channel.Sms)]
    [InlineData(Channel.Whatsapp)]
    public void Every_phone_channel_reads_numbers_the_same_way(Channel channel)
    {
        Assert.Equal("+442079460958", IdentityNormalizer.Normalize(channel, "+44 (0)20 7946 0958", UnitedStates).Value);
        Assert.Equal("+79123456789", IdentityNormalizer.Normalize(channel, "8 (912) 345-67-89", "RU").Value);
    }
}
