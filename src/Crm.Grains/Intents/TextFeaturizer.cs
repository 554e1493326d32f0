namespace Crm.Grains.Intents;

/// <summary>
/// Turns a message into the distinct features of a <see cref="TextFeatureSet"/>. Each feature keeps the words of the
/// message it came from as its surface, so a model can explain a prediction in the customer's own words: a character
/// n-gram counts towards the word it was cut from.
/// </summary>
public static class TextFeaturizer
{
    /// <summary>Marks a character n-gram's key; no word key holds it, so a gram never meets a word of the same letters.</summary>
    private const string GramMark = "#";

    /// <summary>
    /// Each feature once per message: in short texts a repeat ("stop stop stop") says little more than the word itself
    /// and would otherwise outweigh the rest of the message.
    /// </summary>
    public static List<TextFeature> Distinct(string text, TextFeatureSet set)
    {
        var words = IntentTokenizer.Words(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var features = new List<TextFeature>(words.Count * 8);
        void Add(string key, string surface)
        {
            if (seen.Add(key))
            {
                features.Add(new TextFeature(key, surface));
            }
        }

        foreach (var word in words)
        {
            Add(word.Key, word.Surface);
        }

        if (set.Bigrams)
        {
            for (var i = 1; i < words.Count; i++)
            {
                Add($"{words[i - 1].Key} {words[i].Key}", $"{words[i - 1].Surface} {words[i].Surface}");
            }
        }

        if (set.MaxCharacters > 0)
        {
            foreach (var word in words.Where(w => w.Key.Length > 1 && char.IsLetterOrDigit(w.Key[0])))
            {
                var padded = $"<{word.Key}>";
                for (var length = set.MinCharacters; length <= set.MaxCharacters && length < padded.Length; length++)
                {
                    for (var start = 0; start + length <= padded.Length; start++)
                    {
                        Add(string.Concat(GramMark, padded.AsSpan(start, length)), word.Surface);
                    }
                }
            }
        }

        return features;
    }
}
