using Orleans;

namespace Crm.Grains.Intents;

/// <summary>
/// A customer's intent with its score in [0, 1] and the reasons that produced it: <see cref="Reasons"/> as texts, as the API
/// has always answered, and <see cref="Why"/> as data, strongest first.
/// </summary>
[GenerateSerializer]
[Alias("crm.IntentSignal")]
public sealed record IntentSignal(Intent Intent, double Score, IReadOnlyList<string> Reasons)
{
    public static IntentSignal None { get; } = new(Intent.NoEngagement, 1.0, ["no conversation yet"])
    {
        Why = [new IntentReason { Kind = IntentReasonKind.NoConversation, Text = "no conversation yet", Share = 1.0 }],
    };

    /// <summary>Empty in signals stored before reasons were data, until the customer's next change.</summary>
    [Id(3)]
    public IReadOnlyList<IntentReason> Why { get; init; } = [];

    /// <summary>How many reasons <see cref="Reasons"/> lists, as it always did.</summary>
    public const int ReasonTextLimit = 3;

    public static IntentSignal Of(Intent intent, double score, IReadOnlyList<IntentReason> why) =>
        new(intent, score, why.Take(ReasonTextLimit).Select(reason => reason.Text).ToArray()) { Why = why };
}
