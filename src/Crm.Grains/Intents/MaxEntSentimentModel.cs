namespace Crm.Grains.Intents;

/// <summary>
/// Sentiment from a <see cref="LinearTextClassifier"/> trained by ML.NET on the <c>sentiment</c> labels of the shipped
/// examples. Text it cannot read (empty, or no feature seen in training) is neutral. Immutable and thread-safe.
/// </summary>
public sealed class MaxEntSentimentModel : ISentimentModel
{
    public const string ModelName = "sentiment";

    private const int MaxReasons = 3;

    private static readonly Sentiment[] Sentiments = Enum.GetValues<Sentiment>();

    public MaxEntSentimentModel(LinearTextClassifier classifier, string version)
    {
        if (classifier.ClassCount != Sentiments.Length)
        {
            throw new ArgumentException($"a sentiment model needs {Sentiments.Length} classes, not {classifier.ClassCount}", nameof(classifier));
        }

        Classifier = classifier;
        Version = version;
    }

    public LinearTextClassifier Classifier { get; }

    public string Version { get; }

    public static MaxEntSentimentModel LoadOrTrain(TextModelStore store, IEnumerable<IntentExample> examples, TextFeatureSet? features = null)
    {
        var set = features ?? TextFeatureSet.WordsBigramsAndCharacters;
        var labelled = examples.Select(e => (e.Text, Class: Array.IndexOf(Sentiments, e.Sentiment))).ToList();
        var version = LinearTextModelFile.Version(LinearTextTrainer.Describe(set), labelled);
        var classifier = store.LoadOrTrain(ModelName, version, () => LinearTextTrainer.Train(labelled, Sentiments.Length, set));
        return new MaxEntSentimentModel(classifier, version);
    }

    public static MaxEntSentimentModel Train(IEnumerable<IntentExample> examples, TextFeatureSet? features = null) =>
        LoadOrTrain(new TextModelStore(null), examples, features);

    public SentimentPrediction Predict(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || Classifier.Read(text, MaxReasons) is not { } reading)
        {
            var neutral = Sentiments.ToDictionary(s => s, s => s == Sentiment.Neutral ? 1.0 : 0.0);
            return new SentimentPrediction(Sentiment.Neutral, 1.0, neutral, ["nothing in the message reads as negative or positive"]);
        }

        var sentiment = Sentiments[reading.Best];
        return new SentimentPrediction(
            sentiment,
            reading.Probabilities[reading.Best],
            Sentiments.Zip(reading.Probabilities).ToDictionary(pair => pair.First, pair => pair.Second),
            reading.Reasons.Select(surface => $"'{surface}' sounds {sentiment.Label()}").ToList());
    }
}
