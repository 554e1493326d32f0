using Crm.Grains.Intents;
using Xunit.Abstractions;

namespace Crm.Grains.Tests.Intents;

/// <summary>
/// The figure that says whether the text model is good enough to ship. Run with
/// <c>dotnet test --logger "console;verbosity=detailed"</c> to see it.
/// </summary>
public sealed class IntentQualityGateTests(ITestOutputHelper output)
{
    private const double MinimumMacroF1 = 0.80;

    [Fact]
    public void Model_trained_on_the_training_split_reaches_the_macro_F1_floor_on_the_held_out_split()
    {
        var dataset = IntentDataset.LoadEmbedded();
        var model = NaiveBayesIntentModel.Train(dataset.Training);

        var report = ClassificationReport.Evaluate(model, dataset.HeldOut);

        output.WriteLine($"trained on {dataset.Training.Count} examples, evaluated on {dataset.HeldOut.Count} held out");
        output.WriteLine(report.Describe());
        Assert.True(report.MacroF1 >= MinimumMacroF1, $"macro-F1 {report.MacroF1:F3} is below {MinimumMacroF1:F2}");
    }
}
