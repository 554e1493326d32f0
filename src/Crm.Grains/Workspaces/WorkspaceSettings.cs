using Crm.Grains.Identities;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Workspaces;

/// <summary>Per-workspace rules: lifecycle thresholds, the VIP threshold and the region national phone numbers are read in.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.WorkspaceSettings")]
public sealed record WorkspaceSettings
{
    // Both phone settings are kept as given, so a value written by a release before regions (a calling code alone,
    // in stored state or from a silo of that release) reads as its region, and one given with the other can be checked
    // against it. An explicit null is kept as empty, which Validate refuses. Id 0 is the field releases before regions
    // wrote the calling code to. The two properties have setters rather than init accessors because the stored state's
    // source-generated JSON contract passes null to every init accessor a document lacks, which would make an absent
    // setting look like an explicit null; nothing sets them after construction.
    [Id(6)]
    private string? _region;

    [Id(0)]
    private string? _dialCode;

    /// <summary>
    /// The region (ISO 3166 alpha-2, one libphonenumber knows) phone numbers written without a country code are read
    /// in. Without one, the region of <see cref="DefaultPhoneCountry"/>'s calling code, else <c>US</c>.
    /// </summary>
    public string DefaultPhoneRegion
    {
        get => _region ?? (_dialCode is null ? PhoneRegions.Default : PhoneRegions.MainRegionOf(_dialCode) ?? string.Empty);
        set => _region = value?.ToUpperInvariant() ?? string.Empty;
    }

    /// <summary>
    /// The calling code of <see cref="DefaultPhoneRegion"/>, digits only. The setting of releases before regions: a
    /// value given alone is converted to the main region of that code (<c>1</c> → <c>US</c>, <c>44</c> → <c>GB</c>).
    /// </summary>
    public string DefaultPhoneCountry
    {
        get => _region is null && _dialCode is not null ? _dialCode : PhoneRegions.DialCodeOf(DefaultPhoneRegion) ?? string.Empty;
        set => _dialCode = value ?? string.Empty;
    }

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

    /// <summary>
    /// These settings with both phone settings written out, as they are stored: a silo of a release before regions
    /// reads the calling code it knows.
    /// </summary>
    public WorkspaceSettings Canonical() => this with { DefaultPhoneRegion = DefaultPhoneRegion, DefaultPhoneCountry = DefaultPhoneCountry };

    /// <summary>The first broken rule, as (setting, rule), or null when the settings hold together.</summary>
    public (string Field, string Rule)? Validate() => this switch
    {
        _ when _region is not null && !PhoneRegions.IsSupported(_region)
            => (nameof(DefaultPhoneRegion), "must be a two-letter ISO 3166 region code that has phone numbers, such as US, GB or BR"),
        _ when _dialCode is not null && PhoneRegions.MainRegionOf(_dialCode) is null
            => (nameof(DefaultPhoneCountry), "must be the country calling code of a region: 1 to 3 digits, such as 1, 44 or 55"),
        _ when _region is not null && _dialCode is not null && _dialCode != PhoneRegions.DialCodeOf(_region)
            => (nameof(DefaultPhoneCountry), $"must be the calling code of defaultPhoneRegion ({PhoneRegions.DialCodeOf(_region)} for {_region}), or left out"),
        _ when ActiveConversations is < 1 or > 1000 => (nameof(ActiveConversations), "must be between 1 and 1000"),
        _ when ActiveWindowDays is < 1 or > 3650 => (nameof(ActiveWindowDays), "must be between 1 and 3650"),
        _ when AtRiskAfterDays is < 1 or > 3650 => (nameof(AtRiskAfterDays), "must be between 1 and 3650"),
        _ when ChurnedAfterDays <= AtRiskAfterDays || ChurnedAfterDays > 3650 => (nameof(ChurnedAfterDays), "must be greater than atRiskAfterDays and at most 3650"),
        _ when VipLifetimeValue is <= 0 or > 1_000_000_000m => (nameof(VipLifetimeValue), "must be positive and at most 1,000,000,000"),
        _ => null,
    };
}
