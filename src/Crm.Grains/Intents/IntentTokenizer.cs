using System.Globalization;
using System.Text;

namespace Crm.Grains.Intents;

/// <summary>
/// Splits a message into the features a text model counts: each word, each emoji, and each pair of adjacent ones,
/// so phrases such as "how much", "not working" or "cancel order" carry weight their words alone do not.
/// Keys are folded the way customers vary their spelling in English, Spanish, Portuguese and French: case, accents
/// ("não" and "nao"), French elisions ("l'appli" is "le appli"), stretched letters ("siiii") and laughter.
/// </summary>
public static class IntentTokenizer
{
    /// <summary>Stands for every number, so "quote for 50" and "quote for 200" are the same phrase.</summary>
    private const string NumberKey = "<number>";

    /// <summary>"jajaja", "hahaha", "kkkkk", "rsrs": one laugh whichever language typed it.</summary>
    private const string LaughKey = "<laugh>";

    /// <summary>French elided words and the word each stands for, so "j'ai" meets "je ai" and "qu'il" meets "que il".</summary>
    private static readonly Dictionary<string, string> Elisions = new(StringComparer.Ordinal)
    {
        ["l"] = "le",
        ["j"] = "je",
        ["d"] = "de",
        ["n"] = "ne",
        ["s"] = "se",
        ["c"] = "ce",
        ["m"] = "me",
        ["t"] = "te",
        ["qu"] = "que",
        ["jusqu"] = "jusque",
        ["lorsqu"] = "lorsque",
        ["puisqu"] = "puisque",
    };

    /// <summary>Latin letters with diacritics used in the four languages and their neighbours, and what each folds to.</summary>
    private const string FoldedFrom = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string FoldedTo = "aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijkllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

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

    /// <summary>The words of a message alone, normalized as in <see cref="Tokenize"/>, in the order written.</summary>
    public static List<TextFeature> Words(string text)
    {
        var words = new List<TextFeature>();
        var word = new StringBuilder();
        var runes = text.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (IsApostrophe(rune))
            {
                if (i + 1 < runes.Length && Rune.IsLetter(runes[i + 1]) && Elisions.TryGetValue(FoldDiacritics(word.ToString()), out var full))
                {
                    words.Add(new TextFeature(full, word.ToString()));
                    word.Clear();
                }
            }
            else if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
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
    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '`' or '\u00B4';

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

        var folded = CollapseRepeatedLetters(FoldDiacritics(word));
        return IsLaugh(folded) ? LaughKey : StripPlural(folded);
    }

    /// <summary>
    /// Accents are the first thing typed chat drops: "não", "nao" and "NÃO" must meet, as must "café" and "cafe".
    /// A table rather than Unicode decomposition, because the service runs with invariant globalization, where
    /// <see cref="string.Normalize()"/> leaves accented letters as they are; combining marks typed separately never reach
    /// here (<see cref="Words"/> skips them).
    /// </summary>
    public static string FoldDiacritics(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }

        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var i = FoldedFrom.IndexOf(c);
            folded.Append(i >= 0 ? FoldedTo[i].ToString() : c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                _ => c.ToString(),
            });
        }

        return folded.ToString();
    }

    /// <summary>Already collapsed, so "jajajaja" is "jajajaja" and "kkkk" is "k"; a lone "k" (okay) is not a laugh.</summary>
    private static bool IsLaugh(string word)
    {
        if (word.Length < 4 || word.Length % 2 != 0)
        {
            return false;
        }

        var syllable = word[..2];
        if (syllable is not ("ja" or "ha" or "je" or "he" or "ji" or "hi" or "rs" or "ka"))
        {
            return false;
        }

        for (var i = 2; i < word.Length; i += 2)
        {
            if (word[i] != syllable[0] || word[i + 1] != syllable[1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A crude stemmer for the commonest inflection, plural "s" in all four languages: "orders" and "order", "pedidos" and
    /// "pedido", "commandes" and "commande"; and English "deliveries" and "delivery".
    /// </summary>
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
    /// Every run of one letter becomes a single letter, in training and prediction alike, so "pleeease" meets "please",
    /// "siiii" meets "si" and "adress" meets "address"; the few words this merges ("too" and "to") rarely decide an intent.
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
