namespace Crm.Grains.Intents;

/// <summary>
/// Sentiment from a <see cref="LinearTextClassifier"/> trained on the <c>sentiment</c> labels of the shipped examples.
/// Text it cannot read (empty, or no feature seen in training) is neutral at even odds: nothing says otherwise.
/// Immutable, so one instance serves every caller at once.
/// </summary>
public sealed class SentimentTextModel : ISentimentModel
{
    public const string ModelName = "sentiment";

    private const int MaxReasons = 3;

    private static readonly Sentiment[] Sentiments = Enum.GetValues<Sentiment>();
    private static readonly Lazy<SentimentTextModel> Default = new(() => Train(IntentDataset.LoadEmbedded().Examples));

    private SentimentTextModel(LinearTextClassifier classifier, string version)
    {
        Classifier = classifier;
        Version = version;
    }

    public LinearTextClassifier Classifier { get; }

    public string Version { get; }

    /// <summary>The default recipe trained on every shipped example, once per process, on first use.</summary>
    public static SentimentTextModel LoadDefault() => Default.Value;

    public static SentimentTextModel Train(IEnumerable<IntentExample> examples, TextModelRecipe? recipe = null) =>
        LoadOrTrain(new TextModelStore(null), examples, recipe);

    /// <exception cref="ArgumentException">A sentiment has no example: the model could never predict it.</exception>
    public static SentimentTextModel LoadOrTrain(TextModelStore store, IEnumerable<IntentExample> examples, TextModelRecipe? recipe = null)
    {
        var chosen = recipe ?? TextModelRecipe.Default;
        var labelled = examples.Select(e => (e.Text, Class: Array.IndexOf(Sentiments, e.Sentiment))).ToList();
        var version = chosen.Version(labelled);
        return new SentimentTextModel(store.LoadOrTrain(ModelName, version, () => chosen.Train(labelled, Sentiments.Length)), version);
    }

    public SentimentPrediction Predict(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || Classifier.Read(text, MaxReasons) is not { } reading)
        {
            var even = 1.0 / Sentiments.Length;
            return new SentimentPrediction(Sentiment.Neutral, even, Sentiments.ToDictionary(s => s, _ => even), ["nothing in the message reads as negative or positive"]);
        }

        var sentiment = Sentiments[reading.Best];
        return new SentimentPrediction(
            sentiment,
            reading.Probabilities[reading.Best],
            Sentiments.Zip(reading.Probabilities).ToDictionary(pair => pair.First, pair => pair.Second),
            reading.Reasons.Select(surface => $"'{surface}' sounds {sentiment.Label()}").ToList());
    }
}
