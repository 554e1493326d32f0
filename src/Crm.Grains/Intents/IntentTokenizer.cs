using System.Globalization;
using System.Text;

namespace Crm.Grains.Intents;

/// <summary>
/// Splits a message into the features a text model counts: each word, each emoji, and each pair of adjacent ones,
/// so phrases such as "how much", "not working" or "cancel order" carry weight their words alone do not.
/// </summary>
public static class IntentTokenizer
{
    /// <summary>Stands for every number, so "quote for 50" and "quote for 200" are the same phrase.</summary>
    private const string NumberKey = "<number>";

    public static IReadOnlyList<TextFeature> Tokenize(string text)
    {
        var words = Words(text);
        var features = new List<TextFeature>(words.Count * 2);
        features.AddRange(words);
        for (var i = 1; i < words.Count; i++)
        {
            features.Add(new TextFeature($"{words[i - 1].Key} {words[i].Key}", $"{words[i - 1].Surface} {words[i].Surface}"));
        }

        return features;
    }

    private static List<TextFeature> Words(string text)
    {
        var words = new List<TextFeature>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (!IsApostrophe(rune))
            {
                AddWord(word, words);
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol)
                {
                    words.Add(new TextFeature(rune.ToString(), rune.ToString()));
                }
            }
        }

        AddWord(word, words);
        return words;
    }

    /// <summary>Customers drop apostrophes as often as they type them: "don't" and "dont" must meet.</summary>
    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019';

    private static void AddWord(StringBuilder word, List<TextFeature> words)
    {
        if (word.Length == 0)
        {
            return;
        }

        var surface = word.ToString();
        words.Add(new TextFeature(Normalize(surface), surface));
        word.Clear();
    }

    private static string Normalize(string word)
    {
        if (word.All(char.IsAsciiDigit))
        {
            return NumberKey;
        }

        return CollapseRepeatedLetters(StripPlural(word));
    }

    /// <summary>A crude stemmer for the commonest inflection: "orders" and "order", "deliveries" and "delivery".</summary>
    private static string StripPlural(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        var keepsFinalS = word.EndsWith("ss", StringComparison.Ordinal)
            || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal);
        return word.Length > 3 && word[^1] == 's' && !keepsFinalS ? word[..^1] : word;
    }

    /// <summary>
    /// Every run of one letter becomes a single letter, in training and prediction alike, so "pleeease" meets "please"
    /// and "adress" meets "address"; the few words this merges ("too" and "to") rarely decide an intent.
    /// </summary>
    private static string CollapseRepeatedLetters(string word)
    {
        var collapsed = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }
}
