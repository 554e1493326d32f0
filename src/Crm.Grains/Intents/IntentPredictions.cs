namespace Crm.Grains.Intents;

/// <summary>The predictions every intent text model makes alike: for empty text, and for text it cannot read.</summary>
internal static class IntentPredictions
{
    public const string EmptyMessageReason = "the message is empty";
    public const string NoKnownWordsReason = "no word in the message was seen in training";

    private static readonly Intent[] Intents = Enum.GetValues<Intent>();

    public static IntentPrediction Certain(Intent intent, string reason)
    {
        var probabilities = Intents.Select(i => i == intent ? 1.0 : 0.0).ToArray();
        return new IntentPrediction(intent, 1.0, ByIntent(probabilities), [reason]);
    }

    /// <summary>Every intent equally likely, and <see cref="Intent.NoEngagement"/> chosen: the text says nothing a model can read.</summary>
    public static IntentPrediction Unreadable()
    {
        var even = 1.0 / Intents.Length;
        return new IntentPrediction(Intent.NoEngagement, even, ByIntent(Intents.Select(_ => even).ToArray()), [NoKnownWordsReason]);
    }

    public static IReadOnlyDictionary<Intent, double> ByIntent(double[] probabilities) =>
        Intents.Zip(probabilities).ToDictionary(pair => pair.First, pair => pair.Second);
}
