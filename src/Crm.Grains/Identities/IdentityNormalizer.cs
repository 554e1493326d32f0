using System.Text;

namespace Crm.Grains.Identities;

/// <summary>
/// Turns what a channel adapter sends into the one value an identity grain is keyed by,
/// so "Ana@Example.com " and "ana@example.com" are the same person.
/// </summary>
public static class IdentityNormalizer
{
    private const int MinPhoneDigits = 8;
    private const int MaxPhoneDigits = 15;

    /// <summary>Longest identity accepted: an email address's limit, and far below what a storage key can hold.</summary>
    public const int MaxLength = 254;

    private static readonly HashSet<string> JunkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "undefined", "anonymous", "unknown", "none", "n/a", "nil",
    };

    public static NormalizedIdentity Normalize(Channel channel, string? raw, string defaultCountryCode)
    {
        var trimmed = raw?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return NormalizedIdentity.Refused("identity is empty");
        }

        if (trimmed.Length > MaxLength)
        {
            return NormalizedIdentity.Refused($"identity must be at most {MaxLength} characters");
        }

        if (trimmed.Any(char.IsControl))
        {
            return NormalizedIdentity.Refused("identity must not contain control characters");
        }

        if (JunkWords.Contains(trimmed))
        {
            return NormalizedIdentity.Refused($"identity '{trimmed}' is a placeholder, not a real identity");
        }

        return channel switch
        {
            Channel.Email => NormalizeEmail(trimmed),
            Channel.Whatsapp or Channel.Sms or Channel.Phone => NormalizePhone(trimmed, defaultCountryCode),
            Channel.Instagram => NormalizeInstagram(trimmed),
            Channel.Widget => RefuseRepeatedCharacter(trimmed) ?? NormalizedIdentity.Valid(trimmed),
            _ => NormalizedIdentity.Refused($"channel '{channel}' is not supported"),
        };
    }

    private static NormalizedIdentity NormalizeEmail(string value)
    {
        var email = value.ToLowerInvariant();
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || !email[(at + 1)..].Contains('.'))
        {
            return NormalizedIdentity.Refused("email must look like name@domain.tld");
        }

        if (email.Any(char.IsWhiteSpace))
        {
            return NormalizedIdentity.Refused("email must not contain spaces");
        }

        return NormalizedIdentity.Valid(email);
    }

    /// <summary>Formats a phone number as E.164; a number without a <c>+</c> or <c>00</c> prefix is national and takes the workspace's country code.</summary>
    public static NormalizedIdentity NormalizePhone(string value, string defaultCountryCode)
    {
        var digits = new StringBuilder(value.Length);
        var international = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+' && i == 0)
            {
                international = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return NormalizedIdentity.Refused($"phone number contains '{c}', which is not a digit or separator");
            }
        }

        var number = digits.ToString();
        if (RefuseRepeatedCharacter(number) is { } repeated)
        {
            return repeated;
        }

        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        if (!international)
        {
            var countryCode = defaultCountryCode.TrimStart('+');
            if (countryCode.Length == 0 || !countryCode.All(char.IsAsciiDigit))
            {
                return NormalizedIdentity.Refused("phone number has no country code and the workspace has no default country");
            }

            number = countryCode + number.TrimStart('0');
        }

        if (number.Length is < MinPhoneDigits or > MaxPhoneDigits || number[0] == '0')
        {
            return NormalizedIdentity.Refused($"phone number must be E.164: a country code and {MinPhoneDigits} to {MaxPhoneDigits} digits after '+'");
        }

        return NormalizedIdentity.Valid("+" + number);
    }

    private static NormalizedIdentity NormalizeInstagram(string value)
    {
        var handle = value.TrimStart('@').ToLowerInvariant();
        if (handle.Length is 0 or > 30 || !handle.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_'))
        {
            return NormalizedIdentity.Refused("instagram handle must be 1 to 30 letters, digits, '.' or '_'");
        }

        return NormalizedIdentity.Valid(handle);
    }

    /// <summary>All zeros, or one digit repeated, is what a form fills in when the real value is missing.</summary>
    private static NormalizedIdentity? RefuseRepeatedCharacter(string value)
    {
        var significant = value.Where(char.IsAsciiLetterOrDigit).ToArray();
        if (significant.Length > 1 && significant.All(c => c == significant[0]) && char.IsAsciiDigit(significant[0]))
        {
            return NormalizedIdentity.Refused(significant[0] == '0' ? "identity is all zeros" : "identity is one digit repeated");
        }

        return null;
    }
}
