namespace Crm.Grains.Intents;

/// <summary>What the quality gates measure: intent over the classes agents act on, and sentiment over all three.</summary>
public static class IntentQuality
{
    /// <summary>
    /// The intents the gate's macro-F1 averages: the ones a message's text decides. No engagement is reported beside
    /// them; in the product it comes mostly from silence, not text.
    /// </summary>
    public static readonly IReadOnlyCollection<Intent> GatedIntents = [Intent.SalesOpportunity, Intent.Support, Intent.General];

    public static ClassificationReport<Intent> Intents(IIntentTextModel model, IEnumerable<IntentExample> examples) =>
        ClassificationReport<Intent>.Evaluate(examples, e => e.Intent, text => model.Predict(text).Intent, GatedIntents);

    public static ClassificationReport<Sentiment> Sentiments(ISentimentModel model, IEnumerable<IntentExample> examples) =>
        ClassificationReport<Sentiment>.Evaluate(examples, e => e.Sentiment, text => model.Predict(text).Sentiment);
}
