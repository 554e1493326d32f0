namespace Crm.Grains.Intents;

/// <summary>
/// Intent from a trained <see cref="LinearTextClassifier"/>, with the reasons in the customer's own words. Empty or
/// whitespace text is <see cref="Intent.NoEngagement"/> with probability 1: a customer who sent nothing has not engaged.
/// Words never seen in training are ignored; when none is known ("k", "asdf", an unseen emoji) the text says nothing
/// the model can read, so every intent gets the same probability and the prediction is <see cref="Intent.NoEngagement"/>,
/// with a reason that says so. Immutable, so one instance serves every caller at once.
/// </summary>
public sealed class IntentTextModel : IIntentTextModel
{
    public const string ModelName = "intent";

    private const int MaxReasons = 3;

    private static readonly Intent[] Intents = Enum.GetValues<Intent>();
    private static readonly Lazy<IntentTextModel> Default = new(() => Train(IntentDataset.LoadEmbedded().Examples));

    private IntentTextModel(LinearTextClassifier classifier, string version)
    {
        Classifier = classifier;
        Version = version;
    }

    public LinearTextClassifier Classifier { get; }

    /// <summary>The hash of the examples and the recipe the weights came from.</summary>
    public string Version { get; }

    /// <summary>The default recipe trained on every shipped example, once per process, on first use.</summary>
    public static IntentTextModel LoadDefault() => Default.Value;

    /// <exception cref="ArgumentException">An intent has no example: the model could never predict it.</exception>
    public static IntentTextModel Train(IEnumerable<LabelledMessage> examples, TextModelRecipe? recipe = null) =>
        LoadOrTrain(new TextModelStore(null), examples, recipe);

    /// <summary>The model of this recipe and these examples from <paramref name="store"/>, trained and stored first if it is not there.</summary>
    /// <exception cref="ArgumentException">An intent has no example: the model could never predict it.</exception>
    public static IntentTextModel LoadOrTrain(TextModelStore store, IEnumerable<LabelledMessage> examples, TextModelRecipe? recipe = null)
    {
        var chosen = recipe ?? TextModelRecipe.Default;
        var labelled = examples.Select(e => (e.Text, Class: Array.IndexOf(Intents, e.Intent))).ToList();
        var untrained = Intents.Where((_, i) => labelled.All(e => e.Class != i)).Select(i => i.Label()).ToList();
        if (untrained.Count > 0)
        {
            throw new ArgumentException($"no example for {string.Join(", ", untrained)}", nameof(examples));
        }

        var version = chosen.Version(labelled);
        return new IntentTextModel(store.LoadOrTrain(ModelName, version, () => chosen.Train(labelled, Intents.Length)), version);
    }

    /// <summary>Serves weights trained elsewhere: a workspace's own version, loaded from where it was stored.</summary>
    public static IntentTextModel Serve(LinearTextClassifier classifier, string version) =>
        classifier.ClassCount == Intents.Length ? new IntentTextModel(classifier, version) : throw new ArgumentException($"the model has {classifier.ClassCount} classes, not {Intents.Length}", nameof(classifier));

    /// <summary>Trains the default recipe without storing the weights: the caller keeps them where it wants.</summary>
    /// <exception cref="ArgumentException">An intent has no example.</exception>
    public static LinearTextClassifier TrainClassifier(IEnumerable<LabelledMessage> examples)
    {
        var labelled = examples.Select(e => (e.Text, Class: Array.IndexOf(Intents, e.Intent))).ToList();
        return TextModelRecipe.Default.Train(labelled, Intents.Length);
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
