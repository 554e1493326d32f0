namespace Crm.Grains.Identities;

/// <summary>
/// Turns what a channel adapter sends into the one value an identity grain is keyed by,
/// so "Ana@Example.com " and "ana@example.com" are the same person.
/// </summary>
public static class IdentityNormalizer
{
    /// <summary>Longest identity accepted: an email address's limit, and far below what a storage key can hold.</summary>
    public const int MaxLength = 254;

    private static readonly HashSet<string> JunkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "undefined", "anonymous", "unknown", "none", "n/a", "nil",
    };

    /// <param name="region">The workspace's phone region (ISO 3166 alpha-2): phone numbers written without a country code are read in it.</param>
    public static NormalizedIdentity Normalize(Channel channel, string? raw, string? region)
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
            Channel.Email => EmailRules.Normalize(trimmed),
            Channel.Whatsapp or Channel.Sms or Channel.Phone => PhoneNumberRules.Normalize(trimmed, region),
            Channel.Instagram => NormalizeInstagram(trimmed),
            Channel.Widget => RefuseRepeatedCharacter(trimmed) ?? NormalizedIdentity.Valid(trimmed),
            _ => NormalizedIdentity.Refused($"channel '{channel}' is not supported"),
        };
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
