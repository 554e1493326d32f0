using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Intents;

/// <summary>A model's macro-F1 on the held-out set over the intents text decides (<see cref="IntentQuality.GatedIntents"/>), overall and per language.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.IntentModelFigures")]
public sealed record IntentModelFigures(
    [property: Id(0)] double MacroF1,
    [property: Id(1)] IReadOnlyDictionary<string, double> MacroF1ByLanguage)
{
    private static readonly Lazy<IReadOnlyList<IntentExample>> HeldOut = new(IntentDataset.LoadHeldOut);

    public static IntentModelFigures Measure(IIntentTextModel model)
    {
        var report = IntentQuality.Intents(model, HeldOut.Value);
        return new IntentModelFigures(
            Math.Round(report.MacroF1, 4),
            IntentDataset.Languages.ToDictionary(language => language, language => Math.Round(report.ForLanguage(language).MacroF1, 4), StringComparer.Ordinal));
    }
}
