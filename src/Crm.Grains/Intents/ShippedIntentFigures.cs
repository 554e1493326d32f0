namespace Crm.Grains.Intents;

/// <summary>The shipped model's held-out figures, measured once per process: the "before" of every workspace's model.</summary>
public sealed class ShippedIntentFigures(IIntentTextModel shipped)
{
    private readonly Lazy<IntentModelFigures> _figures = new(() => IntentModelFigures.Measure(shipped));

    public IntentModelFigures Figures => _figures.Value;
}
