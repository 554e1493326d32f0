namespace Crm.Grains.Intents;

/// <summary>
/// Trains multinomial naive Bayes with additive smoothing as a <see cref="LinearTextClassifier"/>: a feature's weight for
/// a class is its log-likelihood there, each feature counts once per message and is worth 1, and there is no bias,
/// because every class starts equally likely: how many examples of each the dataset holds is an authoring choice, not
/// the mix of real traffic, so it would make a misleading prior.
/// </summary>
public static class NaiveBayesTrainer
{
    /// <summary>
    /// Below the textbook 1 because most features are bigrams seen once or twice; cross-validation within the
    /// training split preferred 0.1 to 0.03, 0.2, 0.5 and 1.
    /// </summary>
    public const double Smoothing = 0.1;

    /// <summary>Written into a stored model's version: a change here must not reuse weights learnt another way.</summary>
    public static string Describe() => $"naive-bayes smoothing={Smoothing} uniform-prior";

    /// <param name="examples">Each text with its class, 0 to <paramref name="classCount"/> - 1.</param>
    /// <exception cref="ArgumentException">A class has no example: the model could never predict it.</exception>
    public static LinearTextClassifier Train(IEnumerable<(string Text, int Class)> examples, int classCount, TextFeatureSet features)
    {
        var messagesPerClass = new int[classCount];
        var featuresPerClass = new int[classCount];
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (text, c) in examples)
        {
            messagesPerClass[c]++;
            foreach (var feature in TextFeaturizer.Distinct(text, features))
            {
                if (!counts.TryGetValue(feature.Key, out var perClass))
                {
                    perClass = new int[classCount];
                    counts.Add(feature.Key, perClass);
                }

                perClass[c]++;
                featuresPerClass[c]++;
            }
        }

        var untrained = Enumerable.Range(0, classCount).Where(c => messagesPerClass[c] == 0).ToList();
        if (untrained.Count > 0)
        {
            throw new ArgumentException($"no example of class {string.Join(", ", untrained)}", nameof(examples));
        }

        var vocabulary = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        var weights = new float[vocabulary.Length * classCount];
        for (var row = 0; row < vocabulary.Length; row++)
        {
            var perClass = counts[vocabulary[row]];
            for (var c = 0; c < classCount; c++)
            {
                weights[(row * classCount) + c] = (float)Math.Log((perClass[c] + Smoothing) / (featuresPerClass[c] + (Smoothing * vocabulary.Length)));
            }
        }

        return new LinearTextClassifier(features, false, vocabulary, weights, new float[classCount]);
    }
}
