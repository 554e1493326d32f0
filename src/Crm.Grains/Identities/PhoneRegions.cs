using System.Collections.Frozen;
using System.Globalization;
using PhoneNumbers;

namespace Crm.Grains.Identities;

/// <summary>
/// The regions national phone numbers are read in: ISO 3166 alpha-2 codes libphonenumber has metadata for, and the
/// conversion from the country calling codes workspaces held before regions.
/// </summary>
public static class PhoneRegions
{
    public const string Default = "US";

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    // libphonenumber hands out a new copy of its region set on every call, and every number read asks.
    private static readonly FrozenSet<string> Supported = Numbers.GetSupportedRegions().ToFrozenSet(StringComparer.Ordinal);

    public static bool IsSupported(string? region) => region is { Length: 2 } && Supported.Contains(region);

    /// <summary>
    /// The region libphonenumber names first for a calling code (<c>1</c> → <c>US</c>, <c>44</c> → <c>GB</c>,
    /// <c>7</c> → <c>RU</c>), or null when the value is not the calling code of any region (unassigned, or a
    /// non-geographic code such as 800).
    /// </summary>
    public static string? MainRegionOf(string? dialCode)
    {
        if (dialCode is not { Length: >= 1 and <= 3 } || !dialCode.All(char.IsAsciiDigit) || dialCode[0] == '0')
        {
            return null;
        }

        var region = Numbers.GetRegionCodeForCountryCode(int.Parse(dialCode, CultureInfo.InvariantCulture));
        return IsSupported(region) ? region : null;
    }

    /// <summary>The calling code of a region (<c>GB</c> → <c>44</c>), or null for a region libphonenumber does not know.</summary>
    public static string? DialCodeOf(string? region) =>
        IsSupported(region) ? Numbers.GetCountryCodeForRegion(region).ToString(CultureInfo.InvariantCulture) : null;
}
