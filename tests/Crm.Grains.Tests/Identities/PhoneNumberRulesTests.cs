using Crm.Grains.Identities;
using PhoneNumbers;

namespace Crm.Grains.Tests.Identities;

/// <summary>The ways people and systems write numbers, per region, and the numbers that cannot exist.</summary>
public sealed class PhoneNumberRulesTests
{
    [Theory]
    // Great Britain: the "(0)" of the usual international form, the trunk prefix, 00 and other regions' prefixes.
    [InlineData("GB", "+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("GB", "020 7946 0958", "+442079460958")]
    [InlineData("GB", "0044 20 7946 0958", "+442079460958")]
    [InlineData("GB", "tel:+44-20-7946-0958", "+442079460958")]
    [InlineData("GB", "+44.20.7946.0958", "+442079460958")]
    [InlineData("GB", "(020) 7946-0958", "+442079460958")]
    [InlineData("GB", "07400 123456", "+447400123456")]
    [InlineData("GB", "+44 7400 123456 ext. 4", "+447400123456")]
    [InlineData("GB", "tel:7946-0958;phone-context=+44-20", "+442079460958")]
    // United States: the trunk 1, the 011 international prefix, tel: URIs with an extension, extensions written out.
    [InlineData("US", "1-415-555-0132", "+14155550132")]
    [InlineData("US", "(415) 555-0132", "+14155550132")]
    [InlineData("US", "415.555.0132", "+14155550132")]
    [InlineData("US", "+1 415 555 0132", "+14155550132")]
    [InlineData("US", "011 44 20 7946 0958", "+442079460958")]
    [InlineData("US", "00 44 20 7946 0958", "+442079460958")]
    [InlineData("US", "tel:+1-415-555-0132;ext=12", "+14155550132")]
    [InlineData("US", "+1-415-555-0132;ext=12", "+14155550132")]
    [InlineData("US", "415 555 0132 x123", "+14155550132")]
    [InlineData("US", "415-555-0132 ext. 123", "+14155550132")]
    [InlineData("US", "415-555-0132 extension 123", "+14155550132")]
    [InlineData("US", "415\u2013555\u20130132", "+14155550132")]
    [InlineData("US", "\uFF0B1 415 555 0132", "+14155550132")]
    // Russia: the trunk prefix 8, and 8 10 for abroad.
    [InlineData("RU", "8 (912) 345-67-89", "+79123456789")]
    [InlineData("RU", "89123456789", "+79123456789")]
    [InlineData("RU", "+7 912 345 67 89", "+79123456789")]
    [InlineData("RU", "8 (495) 123-45-67", "+74951234567")]
    [InlineData("RU", "8 10 44 20 7946 0958", "+442079460958")]
    // Brazil: area codes in brackets, carrier selection codes, and 00 without a carrier as people write it.
    [InlineData("BR", "(11) 98765-4321", "+5511987654321")]
    [InlineData("BR", "+55 11 98765-4321", "+5511987654321")]
    [InlineData("BR", "011 98765-4321", "+5511987654321")]
    [InlineData("BR", "0 21 11 98765-4321", "+5511987654321")]
    [InlineData("BR", "(11) 3456-7890", "+551134567890")]
    [InlineData("BR", "0015 44 20 7946 0958", "+442079460958")]
    [InlineData("BR", "00 44 20 7946 0958", "+442079460958")]
    // Portugal, Spain, France, Germany, India.
    [InlineData("PT", "912 345 678", "+351912345678")]
    [InlineData("PT", "21 123 4567", "+351211234567")]
    [InlineData("PT", "00351 912 345 678", "+351912345678")]
    [InlineData("ES", "612 34 56 78", "+34612345678")]
    [InlineData("ES", "91 123 45 67", "+34911234567")]
    [InlineData("ES", "+34 612-34-56-78", "+34612345678")]
    [InlineData("FR", "06 12 34 56 78", "+33612345678")]
    [InlineData("FR", "01.23.45.67.89", "+33123456789")]
    [InlineData("FR", "+33 (0)1 23 45 67 89", "+33123456789")]
    [InlineData("DE", "030 1234567", "+49301234567")]
    [InlineData("DE", "+49 (0)30 1234567", "+49301234567")]
    [InlineData("DE", "0151 23456789", "+4915123456789")]
    [InlineData("DE", "0049 151 23456789", "+4915123456789")]
    [InlineData("IN", "98765 43210", "+919876543210")]
    [InlineData("IN", "098765 43210", "+919876543210")]
    [InlineData("IN", "+91-98765-43210", "+919876543210")]
    // A number with its country code reads the same whatever the region.
    [InlineData("IN", "+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("FR", "+1 (415) 555-0132", "+14155550132")]
    public void Reads_every_way_a_number_is_written_as_one_E164_value(string region, string written, string expected)
    {
        var result = PhoneNumberRules.Normalize(written, region);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("US", "+999 1234 5678", "phone number has an invalid country code")]
    [InlineData("US", "+1 415 555", "phone number is too short for US (+1)")]
    [InlineData("US", "415 555", "phone number is too short for US (+1)")]
    [InlineData("GB", "+44 20 7946 0958 12345", "phone number is too long for GB (+44)")]
    [InlineData("GB", "7946 0958", "phone number is too short for GB (+44): a local number needs its area code")]
    [InlineData("US", "+1 555 123 4567", "phone number is not a valid number for US (+1)")]
    [InlineData("GB", "+44 20 7946 095", "phone number is not a valid number for GB (+44)")]
    [InlineData("BR", "+55 11 1234-5678-9", "phone number is not a valid number for BR (+55)")]
    [InlineData("DE", "+49 1", "phone number is too short")]
    [InlineData("US", "+1 2345 6789 0123 4567 89", "phone number is too long: no number has more than 17 digits")]
    [InlineData("US", "1-800-FLOWERS", "phone number contains 'F', which is not a digit, separator or extension")]
    [InlineData("US", "415 555 0132 abc", "phone number contains 'a'")]
    [InlineData("US", "tel:+1-415-CALL-NOW", "phone number contains 'C'")]
    [InlineData("US", "- - -", "phone number is not a number")]
    [InlineData("US", "000-000-0000", "phone number is all zeros, a placeholder")]
    [InlineData("BR", "+55 (11) 11111-1111", "phone number is one digit repeated, a placeholder")]
    [InlineData("US", "(999) 999-9999", "phone number is one digit repeated, a placeholder")]
    public void Refuses_a_number_that_cannot_exist_naming_the_rule(string region, string written, string rule)
    {
        var result = PhoneNumberRules.Normalize(written, region);

        Assert.Null(result.Value);
        Assert.StartsWith(rule, result.Error);
    }

    [Theory]
    [InlineData("+4402079460958", "+442079460958")]
    [InlineData("+114155550132", "+14155550132")]
    [InlineData("+5511987654321", "+5511987654321")]
    [InlineData("+789123456789", "+79123456789")]
    public void Re_reads_values_the_hand_written_rules_stored(string stored, string canonical)
    {
        foreach (var region in new[] { "US", "GB", "BR" })
        {
            Assert.Equal(canonical, IdentityNormalizer.Normalize(Channel.Phone, stored, region).Value);
        }
    }

    [Theory]
    [InlineData("+442079460958")]
    [InlineData("+14155550132")]
    [InlineData("+79123456789")]
    [InlineData("+351912345678")]
    [InlineData("+919876543210")]
    public void A_canonical_value_normalizes_to_itself_in_every_region(string canonical)
    {
        foreach (var region in new[] { "US", "GB", "RU", "BR", "PT", "ES", "FR", "DE", "IN" })
        {
            Assert.Equal(canonical, PhoneNumberRules.Normalize(canonical, region).Value);
        }
    }

    [Fact]
    public void A_number_read_before_is_read_again_in_the_region_asked_for()
    {
        Assert.Equal("+442079460958", PhoneNumberRules.Normalize("020 7946 0958", "GB").Value);
        Assert.Equal("+442079460958", PhoneNumberRules.Normalize("020 7946 0958", "GB").Value);

        Assert.StartsWith("phone number is ", PhoneNumberRules.Normalize("020 7946 0958", "US").Error);
        Assert.Equal("+33207946095", PhoneNumberRules.Normalize("02 07 94 60 95", "FR").Value);
    }

    [Fact]
    public void Every_accepted_number_is_valid_for_libphonenumber()
    {
        var numbers = PhoneNumberUtil.GetInstance();
        foreach (var region in numbers.GetSupportedRegions())
        {
            var example = numbers.GetExampleNumber(region);
            if (example is null)
            {
                continue;
            }

            var national = numbers.Format(example, PhoneNumberFormat.NATIONAL);
            var result = PhoneNumberRules.Normalize(national, region);

            Assert.True(result.IsValid, $"{region} {national}: {result.Error}");
            Assert.True(numbers.IsValidNumber(numbers.Parse(result.Value, null)), $"{region} {result.Value}");
            Assert.Equal(numbers.Format(example, PhoneNumberFormat.E164), result.Value);
        }
    }
}
