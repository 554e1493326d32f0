using System.Text;

namespace Crm.Grains.Intents;

/// <summary>
/// How well predictions match the labels of a set of examples, per class, overall and per language. Macro-F1 is the
/// mean of per-class F1 over the classes that count, so a rare class weighs as much as a common one.
/// </summary>
public sealed class ClassificationReport<TClass>
    where TClass : struct, Enum
{
    private readonly List<(IntentExample Example, TClass Expected, TClass Predicted)> results;
    private readonly TClass[] counted;

    private ClassificationReport(List<(IntentExample Example, TClass Expected, TClass Predicted)> results, TClass[] counted)
    {
        this.results = results;
        this.counted = counted;
        PerClass = Enum.GetValues<TClass>().ToDictionary(c => c, Score);
        MacroF1 = counted.Average(c => PerClass[c].F1);
    }

    public IReadOnlyDictionary<TClass, ClassScores> PerClass { get; }

    /// <summary>The mean F1 of the classes the report counts (every class unless told otherwise).</summary>
    public double MacroF1 { get; }

    public int Count => results.Count;

    /// <param name="label">The class an example should get.</param>
    /// <param name="predict">The class a model gives its text.</param>
    /// <param name="counted">The classes macro-F1 averages over; every class when null.</param>
    public static ClassificationReport<TClass> Evaluate(
        IEnumerable<IntentExample> examples, Func<IntentExample, TClass> label, Func<string, TClass> predict, IReadOnlyCollection<TClass>? counted = null) =>
        new(examples.Select(e => (e, label(e), predict(e.Text))).ToList(), (counted ?? Enum.GetValues<TClass>()).ToArray());

    /// <summary>The same predictions, for the examples of one language only.</summary>
    public ClassificationReport<TClass> ForLanguage(string language) =>
        new(results.Where(r => r.Example.Language == language).ToList(), counted);

    public string Describe(Func<TClass, string> name, bool listMisses = true)
    {
        var text = new StringBuilder();
        text.AppendLine($"macro-F1 {MacroF1:F3} over {string.Join(", ", counted.Select(name))} ({results.Count} examples)");
        foreach (var (c, scores) in PerClass)
        {
            text.AppendLine($"  {name(c),-17} precision {scores.Precision:F3}  recall {scores.Recall:F3}  F1 {scores.F1:F3}  (support {scores.Support})");
        }

        if (listMisses)
        {
            foreach (var (example, expected, predicted) in results.Where(r => !EqualityComparer<TClass>.Default.Equals(r.Expected, r.Predicted)))
            {
                text.AppendLine($"  miss {example.Id} [{example.Language}/{example.Register}]: {name(expected)} predicted {name(predicted)}");
            }
        }

        return text.ToString();
    }

    private ClassScores Score(TClass c)
    {
        var comparer = EqualityComparer<TClass>.Default;
        return new ClassScores(
            TruePositives: results.Count(r => comparer.Equals(r.Expected, c) && comparer.Equals(r.Predicted, c)),
            FalsePositives: results.Count(r => !comparer.Equals(r.Expected, c) && comparer.Equals(r.Predicted, c)),
            FalseNegatives: results.Count(r => comparer.Equals(r.Expected, c) && !comparer.Equals(r.Predicted, c)));
    }
}
