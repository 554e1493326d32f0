using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Grains.Serialization;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Tests.Workspaces;

/// <summary>The phone setting became a region; calling codes stored or sent by releases before regions keep working.</summary>
public sealed class WorkspaceSettingsTests
{
    [Fact]
    public void A_new_workspace_reads_national_numbers_as_the_United_States()
    {
        var settings = new WorkspaceSettings();

        Assert.Equal(("US", "1"), (settings.DefaultPhoneRegion, settings.DefaultPhoneCountry));
        Assert.Null(settings.Validate());
    }

    [Theory]
    [InlineData("1", "US")]
    [InlineData("44", "GB")]
    [InlineData("7", "RU")]
    [InlineData("55", "BR")]
    [InlineData("351", "PT")]
    [InlineData("49", "DE")]
    [InlineData("91", "IN")]
    public void A_calling_code_given_alone_becomes_the_main_region_of_that_code(string dialCode, string region)
    {
        var settings = new WorkspaceSettings { DefaultPhoneCountry = dialCode };

        Assert.Null(settings.Validate());
        Assert.Equal((region, dialCode), (settings.DefaultPhoneRegion, settings.DefaultPhoneCountry));
        Assert.Equal((region, dialCode), (settings.Canonical().DefaultPhoneRegion, settings.Canonical().DefaultPhoneCountry));
    }

    [Theory]
    [InlineData("GB", "GB", "44")]
    [InlineData("ca", "CA", "1")]
    [InlineData("BR", "BR", "55")]
    public void A_region_answers_its_calling_code(string given, string region, string dialCode)
    {
        var settings = new WorkspaceSettings { DefaultPhoneRegion = given };

        Assert.Null(settings.Validate());
        Assert.Equal((region, dialCode), (settings.DefaultPhoneRegion, settings.DefaultPhoneCountry));
    }

    [Fact]
    public void A_region_with_its_own_calling_code_is_accepted_with_it()
    {
        Assert.Null(new WorkspaceSettings { DefaultPhoneRegion = "CA", DefaultPhoneCountry = "1" }.Validate());
        Assert.Equal("CA", new WorkspaceSettings { DefaultPhoneRegion = "CA", DefaultPhoneCountry = "1" }.Canonical().DefaultPhoneRegion);
    }

    [Theory]
    [InlineData("XX", null, "DefaultPhoneRegion", "must be a two-letter ISO 3166 region code that has phone numbers, such as US, GB or BR")]
    [InlineData("USA", null, "DefaultPhoneRegion", "must be a two-letter ISO 3166 region code that has phone numbers, such as US, GB or BR")]
    [InlineData("001", null, "DefaultPhoneRegion", "must be a two-letter ISO 3166 region code that has phone numbers, such as US, GB or BR")]
    [InlineData(null, "0", "DefaultPhoneCountry", "must be the country calling code of a region: 1 to 3 digits, such as 1, 44 or 55")]
    [InlineData(null, "abcd", "DefaultPhoneCountry", "must be the country calling code of a region: 1 to 3 digits, such as 1, 44 or 55")]
    [InlineData(null, "999", "DefaultPhoneCountry", "must be the country calling code of a region: 1 to 3 digits, such as 1, 44 or 55")]
    [InlineData(null, "800", "DefaultPhoneCountry", "must be the country calling code of a region: 1 to 3 digits, such as 1, 44 or 55")]
    [InlineData("GB", "1", "DefaultPhoneCountry", "must be the calling code of defaultPhoneRegion (44 for GB), or left out")]
    public void Bad_phone_settings_name_the_setting_and_the_rule(string? region, string? dialCode, string field, string rule)
    {
        var settings = (region, dialCode) switch
        {
            (null, _) => new WorkspaceSettings { DefaultPhoneCountry = dialCode! },
            (_, null) => new WorkspaceSettings { DefaultPhoneRegion = region },
            _ => new WorkspaceSettings { DefaultPhoneRegion = region, DefaultPhoneCountry = dialCode },
        };

        Assert.Equal((field, rule), settings.Validate());
    }

    [Fact]
    public void An_explicit_null_is_refused_not_taken_for_the_default()
    {
        Assert.Equal("DefaultPhoneRegion", new WorkspaceSettings { DefaultPhoneRegion = null! }.Validate()?.Field);
        Assert.Equal("DefaultPhoneCountry", new WorkspaceSettings { DefaultPhoneCountry = null! }.Validate()?.Field);
    }

    [Fact]
    public void Stored_settings_of_a_release_before_regions_load_as_the_region_of_their_calling_code()
    {
        // As the workspace grain's state was stored before regions (the upgrade fixture holds this document).
        const string stored = """{"settings":{"defaultPhoneCountry":"55","activeConversations":2,"activeWindowDays":3650,"atRiskAfterDays":3649,"churnedAfterDays":3650,"vipLifetimeValue":1000}}""";

        var state = JsonSerializer.Deserialize(stored, GrainStateJsonContext.Default.WorkspaceState)!;
        var rewritten = JsonNode.Parse(JsonSerializer.Serialize(state, GrainStateJsonContext.Default.WorkspaceState))!["settings"]!;

        Assert.Equal(("BR", "55", 2), (state.Settings.DefaultPhoneRegion, state.Settings.DefaultPhoneCountry, state.Settings.ActiveConversations));
        Assert.Null(state.Settings.Validate());
        Assert.Equal(("BR", "55"), (rewritten["defaultPhoneRegion"]!.GetValue<string>(), rewritten["defaultPhoneCountry"]!.GetValue<string>()));
    }

    [Fact]
    public void Stored_settings_with_a_region_load_as_that_region()
    {
        var settings = new WorkspaceSettings { DefaultPhoneRegion = "PT", AtRiskAfterDays = 20 }.Canonical();

        var restored = JsonSerializer.Deserialize(
            JsonSerializer.Serialize(new WorkspaceState { Settings = settings }, GrainStateJsonContext.Default.WorkspaceState),
            GrainStateJsonContext.Default.WorkspaceState)!.Settings;

        Assert.Equal(("PT", "351", 20), (restored.DefaultPhoneRegion, restored.DefaultPhoneCountry, restored.AtRiskAfterDays));
        Assert.Equal(settings, restored);
    }
}
