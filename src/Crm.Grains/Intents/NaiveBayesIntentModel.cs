using System.Collections.Frozen;

namespace Crm.Grains.Intents;

/// <summary>
/// Multinomial naive Bayes over <see cref="IntentTokenizer"/> features with Laplace smoothing.
/// A message's score for an intent is a sum of one weight per feature, which is what makes it explainable:
/// the reasons are the features whose weight favours the predicted intent over every other one the most.
/// Every intent starts equally likely: how many examples of each the dataset holds is an authoring choice,
/// not the mix of real traffic, so it would make a misleading prior.
/// Immutable once trained, so one instance serves every caller.
/// </summary>
public sealed class NaiveBayesIntentModel : IIntentTextModel
{
    /// <summary>
    /// Below the textbook 1 because most features are bigrams seen once or twice; cross-validation within the
    /// training split preferred 0.1 to 0.03, 0.2, 0.5 and 1.
    /// </summary>
    private const double Smoothing = 0.1;

    private const int MaxReasons = 3;

    private static readonly Intent[] Intents = Enum.GetValues<Intent>();
    private static readonly Lazy<NaiveBayesIntentModel> Default = new(() => Train(IntentDataset.LoadEmbedded().Examples));

    private readonly FrozenDictionary<string, double[]> logLikelihoods;
    private readonly TextFeatureSet features;

    private NaiveBayesIntentModel(FrozenDictionary<string, double[]> logLikelihoods, TextFeatureSet features)
    {
        this.logLikelihoods = logLikelihoods;
        this.features = features;
    }

    /// <summary>The model trained on every shipped example; trained once, on first use.</summary>
    public static NaiveBayesIntentModel LoadDefault() => Default.Value;

    /// <param name="features">Words and word pairs unless told otherwise: docs/BENCHMARKS.md measures character n-grams too.</param>
    /// <exception cref="ArgumentException">An intent has no example: the model could never predict it.</exception>
    public static NaiveBayesIntentModel Train(IEnumerable<LabelledMessage> examples, TextFeatureSet? features = null)
    {
        var set = features ?? TextFeatureSet.WordsAndBigrams;
        var messagesPerIntent = new int[Intents.Length];
        var featuresPerIntent = new int[Intents.Length];
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var intent = Array.IndexOf(Intents, example.Intent);
            messagesPerIntent[intent]++;
            foreach (var feature in TextFeaturizer.Distinct(example.Text, set))
            {
                if (!counts.TryGetValue(feature.Key, out var perIntent))
                {
                    perIntent = new int[Intents.Length];
                    counts.Add(feature.Key, perIntent);
                }

                perIntent[intent]++;
                featuresPerIntent[intent]++;
            }
        }

        var untrained = Intents.Where((_, i) => messagesPerIntent[i] == 0).Select(i => i.Label()).ToList();
        if (untrained.Count > 0)
        {
            throw new ArgumentException($"no example for {string.Join(", ", untrained)}", nameof(examples));
        }

        var vocabulary = counts.Count;
        var logLikelihoods = counts.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Select((n, i) => Math.Log((n + Smoothing) / (featuresPerIntent[i] + (Smoothing * vocabulary)))).ToArray(),
            StringComparer.Ordinal);
        return new NaiveBayesIntentModel(logLikelihoods, set);
    }

    /// <summary>
    /// Empty or whitespace text is <see cref="Intent.NoEngagement"/> with probability 1: a customer who sent nothing
    /// has not engaged. Words never seen in training are ignored; when none is known ("k", "asdf", an unseen emoji)
    /// the text says nothing the model can read, so every intent gets the same probability and the prediction is
    /// <see cref="Intent.NoEngagement"/>, with a reason that says so.
    /// </summary>
    public IntentPrediction Predict(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IntentPredictions.Certain(Intent.NoEngagement, IntentPredictions.EmptyMessageReason);
        }

        var known = new List<(TextFeature Feature, double[] Weights)>();
        foreach (var feature in TextFeaturizer.Distinct(text, features))
        {
            if (logLikelihoods.TryGetValue(feature.Key, out var weights))
            {
                known.Add((feature, weights));
            }
        }

        if (known.Count == 0)
        {
            return IntentPredictions.Unreadable();
        }

        var scores = new double[Intents.Length];
        foreach (var (_, weights) in known)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] += weights[i];
            }
        }

        var probabilities = Softmax(scores);
        var best = IndexOfMax(probabilities);
        return new IntentPrediction(Intents[best], probabilities[best], IntentPredictions.ByIntent(probabilities), Reasons(known, best));
    }

    private static IReadOnlyList<string> Reasons(List<(TextFeature Feature, double[] Weights)> known, int predicted)
    {
        var label = Intents[predicted].Label();
        return known
            .Select(k => (k.Feature.Surface, Margin: k.Weights[predicted] - k.Weights.Where((_, i) => i != predicted).Max()))
            .Where(k => k.Margin > 0)
            .OrderByDescending(k => k.Margin)
            .DistinctBy(k => k.Surface, StringComparer.Ordinal)
            .Take(MaxReasons)
            .Select(k => $"'{k.Surface}' suggests {label}")
            .ToList();
    }

    private static double[] Softmax(double[] logScores)
    {
        var max = logScores.Max();
        var exponentials = logScores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exponentials.Sum();
        return exponentials.Select(e => e / sum).ToArray();
    }

    /// <summary>Ties go to the intent declared first, so equal scores give the same answer every time.</summary>
    private static int IndexOfMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
