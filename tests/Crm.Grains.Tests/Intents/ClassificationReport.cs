using System.Text;
using Crm.Grains.Intents;

namespace Crm.Grains.Tests.Intents;

/// <summary>How well a model's predictions match the labels of a set of examples, per intent and overall.</summary>
internal sealed class ClassificationReport
{
    private readonly List<(IntentExample Example, IntentPrediction Prediction)> results;

    private ClassificationReport(List<(IntentExample Example, IntentPrediction Prediction)> results)
    {
        this.results = results;
        PerIntent = Enum.GetValues<Intent>().ToDictionary(intent => intent, Score);
        MacroF1 = PerIntent.Values.Average(s => s.F1);
    }

    public IReadOnlyDictionary<Intent, IntentScores> PerIntent { get; }

    /// <summary>The mean of the per-intent F1 scores, so a rare intent weighs as much as a common one.</summary>
    public double MacroF1 { get; }

    public static ClassificationReport Evaluate(IIntentTextModel model, IEnumerable<IntentExample> examples) =>
        new(examples.Select(e => (e, model.Predict(e.Text))).ToList());

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"macro-F1 {MacroF1:F3} over {results.Count} examples");
        foreach (var (intent, scores) in PerIntent)
        {
            text.AppendLine($"  {intent.Label(),-17} precision {scores.Precision:F3}  recall {scores.Recall:F3}  F1 {scores.F1:F3}  (support {scores.TruePositives + scores.FalseNegatives})");
        }

        foreach (var (example, prediction) in results.Where(r => r.Prediction.Intent != r.Example.Intent))
        {
            text.AppendLine($"  miss {example.Id}: {example.Intent.Label()} predicted {prediction.Intent.Label()} ({prediction.Score:F2}){(example.Ambiguous ? ", ambiguous" : "")}");
        }

        return text.ToString();
    }

    private IntentScores Score(Intent intent) => new(
        TruePositives: results.Count(r => r.Example.Intent == intent && r.Prediction.Intent == intent),
        FalsePositives: results.Count(r => r.Example.Intent != intent && r.Prediction.Intent == intent),
        FalseNegatives: results.Count(r => r.Example.Intent == intent && r.Prediction.Intent != intent));
}
