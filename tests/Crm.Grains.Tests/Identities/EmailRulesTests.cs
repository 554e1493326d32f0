using Crm.Grains.Identities;
using Crm.Grains.Validation;

namespace Crm.Grains.Tests.Identities;

public sealed class EmailRulesTests
{
    [Theory]
    [InlineData("Ana@Exämple.com", "ana@xn--exmple-cua.com")]
    [InlineData("ana@xn--exmple-cua.com", "ana@xn--exmple-cua.com")]
    [InlineData("ANA@XN--EXMPLE-CUA.COM", "ana@xn--exmple-cua.com")]
    [InlineData("ana@EXÄMPLE.COM", "ana@xn--exmple-cua.com")]
    [InlineData("jürgen@müller.de", "jürgen@xn--mller-kva.de")]
    [InlineData("info@例え.jp", "info@xn--r8jz45g.jp")]
    [InlineData("user@пример.рф", "user@xn--e1afmkfd.xn--p1ai")]
    [InlineData("Ana.Souza+shop@Example.COM", "ana.souza+shop@example.com")]
    [InlineData("o'brien@example.co.uk", "o'brien@example.co.uk")]
    [InlineData("first_last-1@sub.example.com", "first_last-1@sub.example.com")]
    [InlineData("ana@example.com", "ana@example.com")]
    [InlineData("test.user@example.com", "test.user@example.com")]
    [InlineData("contact@test.example.org", "contact@test.example.org")]
    public void Keys_an_address_by_its_lower_case_name_and_ASCII_domain(string written, string key)
    {
        var result = EmailRules.Normalize(written);

        Assert.Null(result.Error);
        Assert.Equal(key, result.Value);
    }

    [Fact]
    public void An_internationalized_domain_and_its_punycode_are_one_identity_shown_in_Unicode()
    {
        var unicode = IdentityNormalizer.Normalize(Channel.Email, "Ana@Exämple.com", "US");
        var ascii = IdentityNormalizer.Normalize(Channel.Email, "ana@xn--exmple-cua.com", "US");

        Assert.Equal(unicode.Value, ascii.Value);
        Assert.Equal("ana@exämple.com", EmailRules.Display(ascii.Value!));
        Assert.Equal("ana@example.com", EmailRules.Display("ana@example.com"));
    }

    [Theory]
    [InlineData("ana@xn--exmple-cua.com")]
    [InlineData("Ana@EXÄMPLE.com")]
    public void The_profile_email_is_shown_in_Unicode_whichever_way_it_was_written(string written)
    {
        var (patch, error) = ProfileRules.Normalize(new Crm.Grains.Customers.ProfilePatch { Email = written }, "US");

        Assert.Null(error);
        Assert.Equal("ana@exämple.com", patch!.Email);
    }

    [Theory]
    [InlineData("ana.example.com", "email must look like name@domain.tld")]
    [InlineData("ana@@example.com", "email must look like name@domain.tld")]
    [InlineData("@example.com", "email must look like name@domain.tld")]
    [InlineData("a@", "email must look like name@domain.tld")]
    [InlineData("a b@example.com", "email must not contain spaces")]
    [InlineData(".ana@example.com", "email's name (before '@') must be")]
    [InlineData("ana.@example.com", "email's name (before '@') must be")]
    [InlineData("ana..souza@example.com", "email's name (before '@') must be")]
    [InlineData("<script>@example.com", "email's name (before '@') must be")]
    [InlineData("\"ana\"@example.com", "email's name (before '@') must be")]
    [InlineData("ana@example", "email's domain must end in a top-level domain")]
    [InlineData("ana@localhost", "email's domain must end in a top-level domain")]
    [InlineData("ana@example.c", "email's top-level domain must be letters")]
    [InlineData("ana@example.123", "email's top-level domain must be letters")]
    [InlineData("ana@-example.com", "email's domain must be a domain name")]
    [InlineData("ana@exa_mple.com", "email's domain must be a domain name")]
    [InlineData("ana@example..com", "email's domain must be a domain name")]
    [InlineData("ana@example.com.", "email's domain must be a domain name")]
    [InlineData("ana@[192.168.0.1]", "email's domain must be a domain name, not an address in brackets")]
    public void Refuses_what_is_not_an_address_naming_the_rule(string written, string rule)
    {
        var result = EmailRules.Normalize(written);

        Assert.Null(result.Value);
        Assert.StartsWith(rule, result.Error);
    }

    [Fact]
    public void A_name_longer_than_64_characters_is_refused()
    {
        Assert.StartsWith("email's name (before '@') must be 1 to 64", EmailRules.Normalize(new string('a', 65) + "@example.com").Error);
        Assert.True(EmailRules.Normalize(new string('a', 64) + "@example.com").IsValid);
    }

    [Theory]
    [InlineData("noreply@shop.example.com")]
    [InlineData("No-Reply@example.com")]
    [InlineData("donotreply@company.pt")]
    [InlineData("test@gmail.com")]
    [InlineData("null@example.com")]
    [InlineData("none@example.com")]
    [InlineData("unknown@example.com")]
    [InlineData("nobody@example.org")]
    [InlineData("asdf@example.com")]
    [InlineData("noreply+orders@example.com")]
    [InlineData("test@test.com")]
    [InlineData("TEST@TEST.COM")]
    [InlineData("a@a.com")]
    [InlineData("xx@x.com")]
    [InlineData("email@email.com")]
    [InlineData("user@domain.com")]
    public void Refuses_placeholder_addresses_a_form_fills_in(string written)
    {
        var result = EmailRules.Normalize(written);

        Assert.Null(result.Value);
        Assert.EndsWith("is a placeholder a form fills in, not an address", result.Error);
    }

    [Theory]
    [InlineData("ana@example.com")]
    [InlineData("bruno@example.org")]
    [InlineData("carla@example.net")]
    [InlineData("info@email.com")]
    [InlineData("a@gmail.com")]
    [InlineData("testa@example.com")]
    public void Reserved_domains_and_real_addresses_near_a_placeholder_are_accepted(string written)
    {
        Assert.True(EmailRules.Normalize(written).IsValid, written);
    }

    [Fact]
    public void Every_documented_placeholder_is_refused()
    {
        Assert.All(EmailRules.PlaceholderNames, name => Assert.False(EmailRules.Normalize($"{name}@example.com").IsValid, name));
        Assert.All(EmailRules.PlaceholderAddresses, address => Assert.False(EmailRules.Normalize(address).IsValid, address));
    }
}
