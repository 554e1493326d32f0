namespace Crm.Grains.Intents;

/// <summary>The names sentiments have in the dataset and in what agents read.</summary>
public static class SentimentLabels
{
    public static string Label(this Sentiment sentiment) => sentiment switch
    {
        Sentiment.Negative => "negative",
        Sentiment.Neutral => "neutral",
        Sentiment.Positive => "positive",
        _ => throw new ArgumentOutOfRangeException(nameof(sentiment), sentiment, "sentiment has no label"),
    };

    public static Sentiment Parse(string label) => label switch
    {
        "negative" => Sentiment.Negative,
        "neutral" => Sentiment.Neutral,
        "positive" => Sentiment.Positive,
        _ => throw new FormatException($"'{label}' is not a sentiment label"),
    };
}
