using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Crm.Grains.Segments;

/// <summary>
/// Segment ids are made from the name at creation (<c>Big spenders</c> → <c>big-spenders</c>) so that a rule can name
/// one readably (<c>segments has "big-spenders"</c>): 1 to 40 lower-case letters, digits or inner dashes, URL-safe.
/// </summary>
public static class SegmentIds
{
    public const int MaxLength = 40;

    private const string Fallback = "segment";

    /// <summary>
    /// Latin letters with accents and ligatures spelled in ASCII. A table because the service runs with invariant
    /// globalization, where Unicode decomposition is unavailable; letters of other scripts become dashes.
    /// </summary>
    private static readonly FrozenDictionary<char, string> Transliterations = new (string Letters, string Ascii)[]
    {
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
        ("œ", "oe"), ("ŕŗř", "r"), ("śŝşš", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("þ", "th"), ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    }.SelectMany(pair => pair.Letters.Select(letter => KeyValuePair.Create(letter, pair.Ascii))).ToFrozenDictionary();

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength }
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && id[0] != '-' && id[^1] != '-';

    /// <summary>The name's id, or with <c>-2</c>, <c>-3</c>… appended when <paramref name="isTaken"/> says it is in use or was ever used.</summary>
    public static string New(string name, Func<string, bool> isTaken)
    {
        var slug = Slug(name);
        if (!isTaken(slug))
        {
            return slug;
        }

        for (var number = 2; ; number++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $"-{number}");
            var candidate = slug[..Math.Min(slug.Length, MaxLength - suffix.Length)].TrimEnd('-') + suffix;
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Letters lose their accents (<c>München</c> → <c>munchen</c>); anything else that is not a letter or digit becomes one dash.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(MaxLength + 1);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (Transliterations.TryGetValue(c, out var ascii))
            {
                slug.Append(ascii);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= MaxLength)
            {
                break;
            }
        }

        var trimmed = slug.ToString(0, Math.Min(slug.Length, MaxLength)).Trim('-');
        return trimmed.Length == 0 ? Fallback : trimmed;
    }
}
