using Crm.Grains.Intents;
using Xunit.Abstractions;

namespace Crm.Grains.Tests.Intents;

/// <summary>
/// The figures that say whether the text models are good enough to ship, measured on the held-out set
/// (<c>intent-heldout.jsonl</c>), written by someone who had not seen the training examples and never trained on.
/// Training is deterministic (fixed seed, one thread), so the figures repeat from run to run. Run with
/// <c>dotnet test --logger "console;verbosity=detailed"</c> to see them.
/// </summary>
public sealed class IntentQualityGateTests(ITestOutputHelper output)
{
    private const double MinimumIntentMacroF1 = 0.85;
    private const double MinimumIntentMacroF1PerLanguage = 0.80;
    private const double MinimumSentimentMacroF1 = 0.75;

    private static readonly IReadOnlyList<IntentExample> Examples = IntentDataset.LoadEmbedded().Examples;
    private static readonly IReadOnlyList<IntentExample> HeldOut = IntentDataset.LoadHeldOut();

    [Fact]
    public void Intent_model_reaches_the_macro_F1_floor_on_the_held_out_set()
    {
        var report = IntentQuality.Intents(IntentTextModel.Train(Examples), HeldOut);

        output.WriteLine($"trained on {Examples.Count} examples, evaluated on {HeldOut.Count} held out");
        output.WriteLine(report.Describe(i => i.Label()));
        Assert.True(report.MacroF1 >= MinimumIntentMacroF1, $"macro-F1 {report.MacroF1:F3} is below {MinimumIntentMacroF1:F2}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("pt")]
    [InlineData("fr")]
    public void Intent_model_reaches_the_macro_F1_floor_within_each_language(string language)
    {
        var report = IntentQuality.Intents(IntentTextModel.Train(Examples), HeldOut).ForLanguage(language);

        output.WriteLine(report.Describe(i => i.Label()));
        Assert.True(report.MacroF1 >= MinimumIntentMacroF1PerLanguage, $"{language} macro-F1 {report.MacroF1:F3} is below {MinimumIntentMacroF1PerLanguage:F2}");
    }

    [Fact]
    public void Sentiment_model_reaches_the_macro_F1_floor_on_the_held_out_set()
    {
        var report = IntentQuality.Sentiments(SentimentTextModel.Train(Examples), HeldOut);

        output.WriteLine(report.Describe(s => s.Label(), listMisses: false));
        foreach (var language in IntentDataset.Languages)
        {
            output.WriteLine($"{language}: {report.ForLanguage(language).Describe(s => s.Label(), listMisses: false)}");
        }

        Assert.True(report.MacroF1 >= MinimumSentimentMacroF1, $"macro-F1 {report.MacroF1:F3} is below {MinimumSentimentMacroF1:F2}");
    }

    [Fact]
    public void The_served_recipe_is_at_least_as_good_as_ml_net_maximum_entropy_on_the_held_out_set()
    {
        var served = IntentQuality.Intents(IntentTextModel.Train(Examples), HeldOut);
        var maxent = IntentQuality.Intents(IntentTextModel.Train(Examples, TextModelRecipe.MaxEnt), HeldOut);

        output.WriteLine($"served {TextModelRecipe.Default.Describe()}: {served.MacroF1:F3}; {TextModelRecipe.MaxEnt.Describe()}: {maxent.MacroF1:F3}");
        Assert.True(served.MacroF1 >= maxent.MacroF1, $"maximum entropy {maxent.MacroF1:F3} beats the served model's {served.MacroF1:F3}: serve it instead");
    }
}
