using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Crm.Grains.Identities;

/// <summary>
/// Phone numbers as libphonenumber reads them: a number written without a country code is read in the workspace's
/// region (its trunk prefix and international dialling prefix included), and the result is the E.164 form without
/// any extension, so one person written many ways is one identity. A number that cannot exist is refused with the rule
/// it breaks. The same call re-reads values earlier releases stored (<c>+4402079460958</c> → <c>+442079460958</c>).
/// </summary>
public static partial class PhoneNumberRules
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    // An event's identity is normalized three times on its way in (the ingestor's validation and key, the customer's
    // validation), and a customer writes from the same number again and again: numbers already read are answered from
    // memory instead of libphonenumber (several microseconds each). Bounded: the memory starts over when full.
    private const int RememberedNumbers = 65_536;
    private static ConcurrentDictionary<(string Value, string? Region), string> _remembered = new();
    private static int _rememberedCount;

    /// <summary>Separators libphonenumber reads between digits: ASCII ones and their full-width and typographic forms.</summary>
    private const string Separators = "+\uFF0B-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D.\uFF0E()\uFF08\uFF09[]\uFF3B\uFF3D/\uFF0F~\u2053\u223C\uFF5E\u00AD\u200B\u2060";

    /// <param name="value">The number as written: E.164, national, with an international dialling prefix, a <c>tel:</c> URI, with or without an extension.</param>
    /// <param name="region">The workspace's region (ISO 3166 alpha-2), used for numbers written without a country code.</param>
    public static NormalizedIdentity Normalize(string value, string? region)
    {
        if (_remembered.TryGetValue((value, region), out var known))
        {
            return NormalizedIdentity.Valid(known);
        }

        var result = Read(value, region);
        if (result.IsValid)
        {
            Remember(value, region, result.Value!);
        }

        return result;
    }

    private static void Remember(string value, string? region, string canonical)
    {
        if (Interlocked.Increment(ref _rememberedCount) > RememberedNumbers)
        {
            _remembered = new();
            _rememberedCount = 0;
        }

        _remembered.TryAdd((value, region), canonical);
    }

    private static NormalizedIdentity Read(string value, string? region)
    {
        var number = value.Trim();
        var body = Body(number);
        if (body.FirstOrDefault(c => !char.IsDigit(c) && !char.IsWhiteSpace(c) && !Separators.Contains(c)) is var foreign and not '\0')
        {
            return NormalizedIdentity.Refused($"phone number contains '{foreign}', which is not a digit, separator or extension");
        }

        if (Placeholder(body.Where(char.IsDigit)) is { } placeholder)
        {
            return placeholder;
        }

        var home = region?.ToUpperInvariant() is var upper && PhoneRegions.IsSupported(upper) ? upper : null;
        var (parsed, error) = Parse(number, home);
        if ((parsed is null || !Numbers.IsValidNumber(parsed)) && InternationalWithDoubleZero(body) is { } international
            && Parse(international, home).Number is { } retried && Numbers.IsValidNumber(retried))
        {
            // "00" is the international prefix of most of the world; regions whose prefix differs (011 in the US, 00 and
            // a carrier in Brazil) still receive numbers written that way, and no national number starts with 00.
            (parsed, error) = (retried, null);
        }

        if (parsed is null)
        {
            return NormalizedIdentity.Refused(home is null && error == ErrorType.INVALID_COUNTRY_CODE && !body.TrimStart().StartsWith('+')
                ? "phone number has no country code and the workspace has no default phone region"
                : RuleOf(error!.Value));
        }

        if (Placeholder(Numbers.GetNationalSignificantNumber(parsed)) is { } nationalPlaceholder)
        {
            return nationalPlaceholder;
        }

        var country = parsed.CountryCode;
        return Numbers.IsPossibleNumberWithReason(parsed) switch
        {
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => NormalizedIdentity.Refused(RuleOf(ErrorType.INVALID_COUNTRY_CODE)),
            PhoneNumberUtil.ValidationResult.TOO_SHORT => NormalizedIdentity.Refused($"phone number is too short for {Label(country)}"),
            PhoneNumberUtil.ValidationResult.TOO_LONG => NormalizedIdentity.Refused($"phone number is too long for {Label(country)}"),
            PhoneNumberUtil.ValidationResult.INVALID_LENGTH => NormalizedIdentity.Refused($"phone number has a length no number of {Label(country)} has"),
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => NormalizedIdentity.Refused($"phone number is too short for {Label(country)}: a local number needs its area code"),
            _ when !Numbers.IsValidNumber(parsed) => NormalizedIdentity.Refused($"phone number is not a valid number for {Label(country)}: no number range there holds it"),
            _ => NormalizedIdentity.Valid(Numbers.Format(parsed, PhoneNumberFormat.E164)),
        };
    }

    private static (PhoneNumber? Number, ErrorType? Error) Parse(string number, string? region)
    {
        try
        {
            return (Numbers.Parse(number, region), null);
        }
        catch (NumberParseException refused)
        {
            return (null, refused.ErrorType);
        }
    }

    private static string RuleOf(ErrorType error) => error switch
    {
        ErrorType.INVALID_COUNTRY_CODE => "phone number has an invalid country code: no country is reached by the digits after '+' or the international dialling prefix",
        ErrorType.TOO_SHORT_AFTER_IDD => "phone number is too short after its international dialling prefix",
        ErrorType.TOO_SHORT_NSN => "phone number is too short",
        ErrorType.TOO_LONG => "phone number is too long: no number has more than 17 digits",
        _ => "phone number is not a number",
    };

    /// <summary>Names a calling code by its main region, as people know it: <c>GB (+44)</c>; non-geographic codes by the code alone.</summary>
    private static string Label(int countryCode) =>
        Numbers.GetRegionCodeForCountryCode(countryCode) is var region && PhoneRegions.IsSupported(region) ? $"{region} (+{countryCode})" : $"+{countryCode}";

    /// <summary>
    /// The part of the input that must be the number itself: a <c>tel:</c> URI's parameters (<c>;ext=</c>,
    /// <c>;phone-context=</c>) and a trailing extension (<c>x123</c>, <c>ext. 123</c>, <c>extension 123</c>,
    /// <c>#123</c>) are letters libphonenumber reads, and the only ones accepted.
    /// </summary>
    private static string Body(string number)
    {
        if (number.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            var uri = number[4..];
            return uri.IndexOf(';') is >= 0 and var parameters ? uri[..parameters] : uri;
        }

        return Extension().Replace(number, string.Empty);
    }

    private static string? InternationalWithDoubleZero(string body)
    {
        var first = body.IndexOf('0');
        return first >= 0 && body[..first].All(c => !char.IsDigit(c) && c != '+') && first + 1 < body.Length && body[first + 1] == '0'
            ? "+" + body[(first + 2)..]
            : null;
    }

    /// <summary>All zeros, or one digit repeated, is what a form fills in when the real number is missing.</summary>
    private static NormalizedIdentity? Placeholder(IEnumerable<char> digits)
    {
        var all = digits.ToArray();
        return all.Length > 1 && all.All(c => c == all[0])
            ? NormalizedIdentity.Refused(all[0] == '0' ? "phone number is all zeros, a placeholder" : "phone number is one digit repeated, a placeholder")
            : null;
    }

    [GeneratedRegex(@"(?:;\s*ext\s*=|\s*(?:ext(?:ension|n)?\.?|x|\#)\s*:?)\s*\d{1,7}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Extension();
}
