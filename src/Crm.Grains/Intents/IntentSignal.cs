using Orleans;

namespace Crm.Grains.Intents;

/// <summary>A customer's intent with its score in [0, 1] and the reasons that produced it.</summary>
[GenerateSerializer]
[Alias("crm.IntentSignal")]
public sealed record IntentSignal(Intent Intent, double Score, IReadOnlyList<string> Reasons)
{
    public static IntentSignal None { get; } = new(Intent.NoEngagement, 1.0, ["no conversation yet"]);
}
