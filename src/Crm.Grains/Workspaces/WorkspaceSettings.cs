using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Workspaces;

/// <summary>Per-workspace rules: lifecycle thresholds, the VIP threshold and the country code national phone numbers get.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.WorkspaceSettings")]
public sealed record WorkspaceSettings
{
    /// <summary>Country calling code, digits only, for phone numbers written without one.</summary>
    [Id(0)]
    public string DefaultPhoneCountry { get; init; } = "1";

    /// <summary>A customer with at least this many conversations in <see cref="ActiveWindowDays"/> is active.</summary>
    [Id(1)]
    public int ActiveConversations { get; init; } = 3;

    [Id(2)]
    public int ActiveWindowDays { get; init; } = 30;

    /// <summary>Days without contact after which a customer is at risk.</summary>
    [Id(3)]
    public int AtRiskAfterDays { get; init; } = 30;

    /// <summary>Days without contact after which a customer has churned.</summary>
    [Id(4)]
    public int ChurnedAfterDays { get; init; } = 90;

    /// <summary>Lifetime value at or above which a customer is a VIP.</summary>
    [Id(5)]
    public decimal VipLifetimeValue { get; init; } = 1000m;

    /// <summary>The first broken rule, as (setting, rule), or null when the settings hold together.</summary>
    public (string Field, string Rule)? Validate() => this switch
    {
        _ when DefaultPhoneCountry is not { Length: >= 1 and <= 3 } || !DefaultPhoneCountry.All(char.IsAsciiDigit) || DefaultPhoneCountry[0] == '0'
            => (nameof(DefaultPhoneCountry), "must be a country calling code: 1 to 3 digits, not starting with 0"),
        _ when ActiveConversations is < 1 or > 1000 => (nameof(ActiveConversations), "must be between 1 and 1000"),
        _ when ActiveWindowDays is < 1 or > 3650 => (nameof(ActiveWindowDays), "must be between 1 and 3650"),
        _ when AtRiskAfterDays is < 1 or > 3650 => (nameof(AtRiskAfterDays), "must be between 1 and 3650"),
        _ when ChurnedAfterDays <= AtRiskAfterDays || ChurnedAfterDays > 3650 => (nameof(ChurnedAfterDays), "must be greater than atRiskAfterDays and at most 3650"),
        _ when VipLifetimeValue is <= 0 or > 1_000_000_000m => (nameof(VipLifetimeValue), "must be positive and at most 1,000,000,000"),
        _ => null,
    };
}
