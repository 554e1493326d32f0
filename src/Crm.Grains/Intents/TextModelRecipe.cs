namespace Crm.Grains.Intents;

/// <summary>How a text model is trained: which trainer, on which features.</summary>
public sealed record TextModelRecipe(TextModelTrainer Trainer, TextFeatureSet Features)
{
    /// <summary>What the product serves for intent and sentiment: naive Bayes on words and word pairs, the better on the held-out set (docs/BENCHMARKS.md).</summary>
    public static TextModelRecipe Default { get; } = new(TextModelTrainer.NaiveBayes, TextFeatureSet.WordsAndBigrams);

    public static TextModelRecipe MaxEnt { get; } = new(TextModelTrainer.MaxEnt, TextFeatureSet.WordsBigramsAndCharacters);

    public string Describe() => $"{(Trainer == TextModelTrainer.NaiveBayes ? NaiveBayesTrainer.Describe() : MaxEntTrainer.Describe())} {Features.Describe()}";

    /// <summary>The version a model trained this way on these examples gets: see <see cref="LinearTextModelFile.Version"/>.</summary>
    public string Version(IEnumerable<(string Text, int Class)> examples) => LinearTextModelFile.Version(Describe(), examples);

    public LinearTextClassifier Train(IReadOnlyList<(string Text, int Class)> examples, int classCount) => Trainer switch
    {
        TextModelTrainer.NaiveBayes => NaiveBayesTrainer.Train(examples, classCount, Features),
        TextModelTrainer.MaxEnt => MaxEntTrainer.Train(examples, classCount, Features),
        _ => throw new ArgumentOutOfRangeException(nameof(Trainer), Trainer, "unknown trainer"),
    };
}

public enum TextModelTrainer
{
    /// <summary>Multinomial naive Bayes: <see cref="NaiveBayesTrainer"/>.</summary>
    NaiveBayes,

    /// <summary>ML.NET's L-BFGS maximum entropy trainer: <see cref="MaxEntTrainer"/>.</summary>
    MaxEnt,
}
