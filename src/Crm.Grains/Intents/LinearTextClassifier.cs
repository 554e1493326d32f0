using System.Collections.Frozen;

namespace Crm.Grains.Intents;

/// <summary>
/// A linear classifier over <see cref="TextFeaturizer"/> features: a class's score is its bias plus the weights of the
/// message's features, and the probabilities are the softmax of the scores. Both trainers produce one:
/// <see cref="NaiveBayesTrainer"/> (weights are log-likelihoods, each feature worth 1, no bias) and
/// <see cref="MaxEntTrainer"/> (ML.NET's maximum entropy weights, each feature worth 1/√(features in the message) as
/// in training). Immutable, so one instance serves every thread at once; <see cref="LinearTextModelFile"/> stores it.
/// </summary>
public sealed class LinearTextClassifier
{
    private readonly FrozenDictionary<string, int> rows;
    private readonly float[] weights;
    private readonly float[] biases;

    /// <param name="vocabulary">Every feature key the model knows, in the order of its rows in <paramref name="weights"/>.</param>
    /// <param name="weights">Row-major: the weights of feature <c>i</c> are at <c>i * classes .. i * classes + classes - 1</c>.</param>
    /// <param name="scaleByLength">Each feature worth 1/√(features in the message) rather than 1.</param>
    public LinearTextClassifier(TextFeatureSet features, bool scaleByLength, IReadOnlyList<string> vocabulary, float[] weights, float[] biases)
    {
        if (weights.Length != vocabulary.Count * biases.Length)
        {
            throw new ArgumentException($"{weights.Length} weights do not fill {vocabulary.Count} features of {biases.Length} classes", nameof(weights));
        }

        Features = features;
        ScaleByLength = scaleByLength;
        Vocabulary = vocabulary;
        rows = vocabulary.Select((key, row) => (key, row)).ToFrozenDictionary(pair => pair.key, pair => pair.row, StringComparer.Ordinal);
        this.weights = weights;
        this.biases = biases;
    }

    public TextFeatureSet Features { get; }

    public bool ScaleByLength { get; }

    public int ClassCount => biases.Length;

    public IReadOnlyList<string> Vocabulary { get; }

    internal ReadOnlySpan<float> Weights => weights;

    internal ReadOnlySpan<float> Biases => biases;

    /// <summary>
    /// The probability of every class, or null when no feature of the text was seen in training, and the words that
    /// favour the most probable class over every other one the most: each word's features (the word, its character
    /// n-grams, the pairs it starts or ends) summed, so a reason quotes what the customer wrote.
    /// </summary>
    public LinearReading? Read(string text, int maxReasons)
    {
        var features = TextFeaturizer.Distinct(text, Features);
        var known = new List<(int Row, string Surface)>(features.Count);
        foreach (var feature in features)
        {
            if (rows.TryGetValue(feature.Key, out var row))
            {
                known.Add((row, feature.Surface));
            }
        }

        if (known.Count == 0)
        {
            return null;
        }

        var classes = ClassCount;
        var value = ScaleByLength ? 1 / Math.Sqrt(features.Count) : 1;
        var scores = new double[classes];
        var bySurface = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (row, surface) in known)
        {
            if (!bySurface.TryGetValue(surface, out var contribution))
            {
                bySurface[surface] = contribution = new double[classes];
            }

            var rowWeights = weights.AsSpan(row * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                contribution[c] += rowWeights[c] * value;
            }
        }

        for (var c = 0; c < classes; c++)
        {
            scores[c] = biases[c];
        }

        foreach (var contribution in bySurface.Values)
        {
            for (var c = 0; c < classes; c++)
            {
                scores[c] += contribution[c];
            }
        }

        var probabilities = Softmax(scores);
        var best = IndexOfMax(probabilities);
        var reasons = bySurface
            .Select(pair => (Surface: pair.Key, Margin: pair.Value[best] - pair.Value.Where((_, c) => c != best).Max()))
            .Where(pair => pair.Margin > 0)
            .OrderByDescending(pair => pair.Margin)
            .ThenBy(pair => pair.Surface, StringComparer.Ordinal)
            .Take(maxReasons)
            .Select(pair => pair.Surface)
            .ToList();
        return new LinearReading(probabilities, best, reasons);
    }

    /// <summary>In place: the scores become the probabilities.</summary>
    private static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }

        return scores;
    }

    /// <summary>Ties go to the class declared first, so equal scores give the same answer every time.</summary>
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

/// <summary>A classifier's reading of one text: every class's probability, the most probable, and the words behind it.</summary>
public sealed record LinearReading(double[] Probabilities, int Best, IReadOnlyList<string> Reasons);
