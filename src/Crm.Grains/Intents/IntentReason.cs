using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Intents;

/// <summary>
/// One reason of an intent signal, as data: what produced it, a human text, the vote it cast and its share of all votes,
/// when it happened, and for what a conversation produced, the conversation (and message) to open.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.IntentReason")]
public sealed record IntentReason
{
    [Id(0)]
    public required IntentReasonKind Kind { get; init; }

    [Id(1)]
    public required string Text { get; init; }

    /// <summary>The vote the reason cast for the intent; 0 for a rule that decides rather than votes (silence, negative sentiment, in touch).</summary>
    [Id(2)]
    public double Weight { get; init; }

    /// <summary>The vote's part of every vote cast, in [0, 1]; 1 when a rule alone decided.</summary>
    [Id(3)]
    public double Share { get; init; }

    [Id(4)]
    public DateTimeOffset? At { get; init; }

    [Id(5)]
    public string? ConversationId { get; init; }

    /// <summary>The event id of the message behind the reason, when one message is.</summary>
    [Id(6)]
    public string? MessageId { get; init; }
}
