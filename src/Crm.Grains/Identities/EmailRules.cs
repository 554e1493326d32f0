using System.Globalization;

namespace Crm.Grains.Identities;

/// <summary>
/// Email addresses: checked as addresses (RFC 5321/5322 dot-atom names, RFC 6531 letters of any script, domains by
/// IDNA), keyed by the lower-cased name and the domain's ASCII (punycode) form, so <c>Ana@Exämple.com</c> and
/// <c>ana@xn--exmple-cua.com</c> are one identity, and shown with the domain in Unicode (<see cref="Display"/>).
/// Addresses a form fills in when the real one is missing are refused: see <see cref="PlaceholderNames"/> and
/// <see cref="PlaceholderAddresses"/>. Reserved domains such as example.com are accepted.
/// </summary>
public static class EmailRules
{
    private const int MaxNameLength = 64;
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Names (the part before '@', without a <c>+tag</c>) that say there is no address: refused at any domain.</summary>
    public static readonly IReadOnlySet<string> PlaceholderNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "noreply", "no-reply", "no_reply", "no.reply", "donotreply", "do-not-reply", "do_not_reply", "do.not.reply",
        "noemail", "no-email", "no_email", "nomail", "no-mail", "none", "null", "nil", "undefined", "unknown", "nobody",
        "test", "testing", "asdf", "asdfgh", "asdfghjkl", "qwerty", "xxx", "n/a", "na", "fake", "dummy", "placeholder",
    };

    /// <summary>Whole addresses forms are filled with; with <see cref="PlaceholderNames"/>, the list the API documents.</summary>
    public static readonly IReadOnlySet<string> PlaceholderAddresses = new HashSet<string>(StringComparer.Ordinal)
    {
        "test@test.com", "a@a.com", "a@b.com", "abc@abc.com", "email@email.com", "mail@mail.com", "user@domain.com",
        "name@domain.com", "email@domain.com", "your@email.com", "youremail@domain.com", "your.email@domain.com",
        "you@domain.com", "me@domain.com", "someone@somewhere.com", "example@example.com", "john.doe@example.com",
    };

    private static readonly IdnMapping Idna = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>The key of an address: lower-cased name, '@', the domain in lower-case ASCII (punycode for an internationalized domain).</summary>
    public static NormalizedIdentity Normalize(string value)
    {
        if (value.Any(char.IsWhiteSpace))
        {
            return NormalizedIdentity.Refused("email must not contain spaces");
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return NormalizedIdentity.Refused("email must look like name@domain.tld: one '@' between a name and a domain");
        }

        // Lower-cased here, not by IDNA's mapping: the service runs with invariant globalization, where IdnMapping only
        // encodes (no case mapping, no Unicode normalization, so a decomposed "a" + U+0308 stays apart from "ä").
        var name = value[..at].ToLowerInvariant();
        if (NameRule(name) is { } nameRule)
        {
            return NormalizedIdentity.Refused(nameRule);
        }

        var (domain, domainRule) = AsciiDomain(value[(at + 1)..].ToLowerInvariant());
        if (domainRule is not null)
        {
            return NormalizedIdentity.Refused(domainRule);
        }

        var key = $"{name}@{domain}";
        if (key.Length > IdentityNormalizer.MaxLength)
        {
            return NormalizedIdentity.Refused($"email must be at most {IdentityNormalizer.MaxLength} characters with its domain in ASCII (punycode)");
        }

        var plainName = name.Split('+')[0];
        if (PlaceholderNames.Contains(plainName) || PlaceholderAddresses.Contains(key) || OneCharacterEachSide(plainName, domain!))
        {
            return NormalizedIdentity.Refused($"email '{key}' is a placeholder a form fills in, not an address");
        }

        return NormalizedIdentity.Valid(key);
    }

    /// <summary>A key (or any valid address) as people read it: the domain in Unicode, <c>ana@xn--exmple-cua.com</c> → <c>ana@exämple.com</c>.</summary>
    public static string Display(string key)
    {
        var at = key.LastIndexOf('@');
        if (at < 0)
        {
            return key;
        }

        try
        {
            return $"{key[..at]}@{Idna.GetUnicode(key[(at + 1)..])}";
        }
        catch (ArgumentException)
        {
            // Stored by the rules of an earlier release, which did not check domains: shown as stored.
            return key;
        }
    }

    /// <summary>A dot-atom: letters and digits of any script and the symbols RFC 5322 allows, with single dots between them.</summary>
    private static string? NameRule(string name)
    {
        const string symbols = "!#$%&'*+-/=?^_`{|}~";
        if (name.Length > MaxNameLength || name.StartsWith('.') || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal)
            || !name.All(c => char.IsLetterOrDigit(c) || c == '.' || symbols.Contains(c)))
        {
            return $"email's name (before '@') must be 1 to {MaxNameLength} letters, digits or {symbols}, with single dots between them";
        }

        return null;
    }

    private static (string? Domain, string? Rule) AsciiDomain(string domain)
    {
        const string labels = "email's domain must be a domain name: labels of letters, digits and hyphens separated by single dots, ending in a top-level domain such as .com";
        if (domain.StartsWith('['))
        {
            return (null, "email's domain must be a domain name, not an address in brackets");
        }

        string ascii;
        try
        {
            ascii = Idna.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return (null, labels);
        }

        var parts = ascii.Split('.');
        if (parts.Length < 2)
        {
            return (null, "email's domain must end in a top-level domain, such as example.com");
        }

        if (ascii.Length > MaxDomainLength || parts.Any(label => label.Length is 0 or > MaxLabelLength))
        {
            return (null, labels);
        }

        var tld = parts[^1];
        if (tld.Length < 2 || !(tld.All(char.IsAsciiLetter) || (tld.StartsWith("xn--", StringComparison.Ordinal) && tld.Length > 4)))
        {
            return (null, "email's top-level domain must be letters, such as .com or .pt");
        }

        return (ascii, null);
    }

    /// <summary><c>a@a.com</c>, <c>xx@x.com</c>: one character repeated on each side of '@' is what a form is filled with.</summary>
    private static bool OneCharacterEachSide(string name, string domain)
    {
        var label = domain.Split('.')[0];
        return name.All(c => c == name[0]) && label.All(c => c == label[0]);
    }
}
