namespace Crm.Grains.Intents;

/// <summary>
/// Intent from a <see cref="LinearTextClassifier"/> trained by ML.NET on words, word pairs and character n-grams: the
/// model the product serves (docs/BENCHMARKS.md compares it with <see cref="NaiveBayesIntentModel"/> on the held-out set).
/// Empty text, and text of which no feature was seen in training, read as <see cref="Intent.NoEngagement"/> as
/// <see cref="NaiveBayesIntentModel"/> reads them. Immutable, so one instance serves every caller at once.
/// </summary>
public sealed class MaxEntIntentModel : IIntentTextModel
{
    public const string ModelName = "intent";

    public static readonly TextFeatureSet DefaultFeatures = TextFeatureSet.WordsBigramsAndCharacters;

    private const int MaxReasons = 3;

    private static readonly Intent[] Intents = Enum.GetValues<Intent>();

    public MaxEntIntentModel(LinearTextClassifier classifier, string version)
    {
        if (classifier.ClassCount != Intents.Length)
        {
            throw new ArgumentException($"an intent model needs {Intents.Length} classes, not {classifier.ClassCount}", nameof(classifier));
        }

        Classifier = classifier;
        Version = version;
    }

    public LinearTextClassifier Classifier { get; }

    /// <summary>The hash of the examples and training settings the weights came from.</summary>
    public string Version { get; }

    /// <summary>Loads the model trained on <paramref name="examples"/> from <paramref name="store"/>, training and storing it if it is not there.</summary>
    public static MaxEntIntentModel LoadOrTrain(TextModelStore store, IEnumerable<LabelledMessage> examples, TextFeatureSet? features = null)
    {
        var set = features ?? DefaultFeatures;
        var labelled = examples.Select(e => (e.Text, Class: Array.IndexOf(Intents, e.Intent))).ToList();
        var version = LinearTextModelFile.Version(LinearTextTrainer.Describe(set), labelled);
        var classifier = store.LoadOrTrain(ModelName, version, () => LinearTextTrainer.Train(labelled, Intents.Length, set));
        return new MaxEntIntentModel(classifier, version);
    }

    /// <exception cref="ArgumentException">An intent has no example: the model could never predict it.</exception>
    public static MaxEntIntentModel Train(IEnumerable<LabelledMessage> examples, TextFeatureSet? features = null)
    {
        var untrained = Intents.Where(intent => !examples.Any(e => e.Intent == intent)).Select(i => i.Label()).ToList();
        if (untrained.Count > 0)
        {
            throw new ArgumentException($"no example for {string.Join(", ", untrained)}", nameof(examples));
        }

        return LoadOrTrain(new TextModelStore(null), examples, features);
    }

    public IntentPrediction Predict(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IntentPredictions.Certain(Intent.NoEngagement, IntentPredictions.EmptyMessageReason);
        }

        if (Classifier.Read(text, MaxReasons) is not { } reading)
        {
            return IntentPredictions.Unreadable();
        }

        var intent = Intents[reading.Best];
        return new IntentPrediction(
            intent,
            reading.Probabilities[reading.Best],
            IntentPredictions.ByIntent(reading.Probabilities),
            reading.Reasons.Select(surface => $"'{surface}' suggests {intent.Label()}").ToList());
    }
}
