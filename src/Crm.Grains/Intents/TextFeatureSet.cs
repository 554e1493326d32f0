namespace Crm.Grains.Intents;

/// <summary>
/// Which features a text model reads from a message: the words always, optionally the pairs of adjacent words, and
/// optionally the character n-grams of each word from <paramref name="MinCharacters"/> to <paramref name="MaxCharacters"/>
/// long (0 for none). Character n-grams let a typo ("nesesito") share most of its features with the word it misspells.
/// </summary>
public sealed record TextFeatureSet(bool Bigrams, int MinCharacters, int MaxCharacters)
{
    public static TextFeatureSet WordsAndBigrams { get; } = new(true, 0, 0);

    public static TextFeatureSet WordsBigramsAndCharacters { get; } = new(true, 3, 5);

    /// <summary>Written into a stored model's version, so a change of features never reuses weights learnt on other ones.</summary>
    public string Describe() => $"words{(Bigrams ? "+bigrams" : "")}{(MaxCharacters > 0 ? $"+chars{MinCharacters}-{MaxCharacters}" : "")}";
}
