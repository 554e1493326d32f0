namespace Crm.Grains.Intents;

/// <summary>
/// What a sentiment model concluded about one message. <paramref name="Score"/> is the probability of
/// <paramref name="Sentiment"/>, the largest of <paramref name="Probabilities"/>; <paramref name="Reasons"/> quote the
/// words that pushed towards it, strongest first.
/// </summary>
public sealed record SentimentPrediction(
    Sentiment Sentiment,
    double Score,
    IReadOnlyDictionary<Sentiment, double> Probabilities,
    IReadOnlyList<string> Reasons);
