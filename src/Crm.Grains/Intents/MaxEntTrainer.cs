using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Crm.Grains.Intents;

/// <summary>
/// Trains a <see cref="LinearTextClassifier"/> with ML.NET's L-BFGS maximum entropy trainer on
/// <see cref="TextFeaturizer"/> features, then keeps only the learnt weights: prediction needs no ML.NET engine, which is
/// not thread-safe, and the weights are what <see cref="LinearTextModelFile"/> stores. A fixed seed and one training
/// thread make the same examples give the same weights on every node.
/// </summary>
public static class MaxEntTrainer
{
    public const int Seed = 20261203;

    /// <summary>
    /// Chosen on the development split of the training examples (never the held-out set) among 0.01, 0.03, 0.1, 0.3 and 1;
    /// weaker regularization overfits the one-off words of short chat messages.
    /// </summary>
    public const float L2Regularization = 0.03f;

    /// <summary>Written into a stored model's version: a change here must not reuse weights learnt another way.</summary>
    public static string Describe(float l2 = L2Regularization) => $"maxent-lbfgs l2={l2} seed={Seed} balanced";

    /// <param name="examples">Each text with its class, 0 to <paramref name="classCount"/> - 1.</param>
    /// <param name="l2">The weight of L2 regularization; <see cref="L2Regularization"/> unless a comparison asks for another.</param>
    /// <exception cref="ArgumentException">A class has no example: the model could never predict it.</exception>
    public static LinearTextClassifier Train(IReadOnlyList<(string Text, int Class)> examples, int classCount, TextFeatureSet features, float l2 = L2Regularization)
    {
        var perClass = new int[classCount];
        foreach (var (_, c) in examples)
        {
            perClass[c]++;
        }

        var untrained = Enumerable.Range(0, classCount).Where(c => perClass[c] == 0).ToList();
        if (untrained.Count > 0)
        {
            throw new ArgumentException($"no example of class {string.Join(", ", untrained)}", nameof(examples));
        }

        var featurized = examples.Select(e => TextFeaturizer.Distinct(e.Text, features)).ToList();
        var vocabulary = featurized.SelectMany(f => f).Select(f => f.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rowOf = vocabulary.Select((key, row) => (key, row)).ToDictionary(pair => pair.key, pair => pair.row, StringComparer.Ordinal);
        var rows = examples.Select((example, i) => Row(example.Class, featurized[i], rowOf, vocabulary.Length, Balance(perClass, example.Class, examples.Count))).ToList();

        var ml = new MLContext(Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Length);
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            L2Regularization = l2,
            L1Regularization = 0,
            NumberOfThreads = 1,
            Quiet = true,
        });
        var model = trainer.Fit(data).Model;

        VBuffer<float>[] classWeights = [];
        model.GetWeights(ref classWeights, out var classes);
        var biases = model.GetBiases().ToArray();
        var weights = new float[vocabulary.Length * classes];
        for (var c = 0; c < classes; c++)
        {
            foreach (var (row, weight) in classWeights[c].Items())
            {
                weights[(row * classes) + c] = weight;
            }
        }

        return new LinearTextClassifier(features, true, vocabulary, weights, biases);
    }

    /// <summary>
    /// Every class weighs the same in training however many examples it has: how many of each the dataset holds is an
    /// authoring choice, not the mix of real traffic, and the quality gates average over classes.
    /// </summary>
    private static float Balance(int[] perClass, int c, int total) => total / (float)(perClass.Length * perClass[c]);

    private static TrainingRow Row(int c, List<TextFeature> features, Dictionary<string, int> rowOf, int width, float weight)
    {
        var indices = features.Select(f => rowOf[f.Key]).Order().ToArray();
        var value = (float)(1 / Math.Sqrt(indices.Length));
        var values = indices.Select(_ => value).ToArray();
        return new TrainingRow
        {
            Label = (uint)c,
            Features = new VBuffer<float>(width, indices.Length, values, indices),
            Weight = weight,
        };
    }

    /// <summary>ML.NET's view of one example; built from a .NET value, a key label counts from 0.</summary>
    private sealed class TrainingRow
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }
}
