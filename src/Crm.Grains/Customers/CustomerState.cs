using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Customers;

/// <summary>What a customer grain persists. Lists that grow with time are bounded here; the full timeline lives in the read model.</summary>
[GenerateSerializer]
[Alias("crm.CustomerState")]
public sealed class CustomerState
{
    public const int RecentConversationLimit = 100;
    public const int RecentOrderLimit = 100;
    public const int RecentSentimentLimit = 5;

    [Id(0)]
    public bool Exists { get; set; }

    /// <summary>Set once this customer was merged into another: every call is forwarded there.</summary>
    [Id(1)]
    public string? MergedInto { get; set; }

    /// <summary>Set once personal data was erased: the id stays reserved and answers as gone.</summary>
    [Id(2)]
    public DateTimeOffset? ErasedAt { get; set; }

    [Id(3)]
    public ProfileData Profile { get; set; } = new();

    [Id(4)]
    public DateTimeOffset FirstSeen { get; set; }

    [Id(5)]
    public DateTimeOffset? LastActive { get; set; }

    [Id(6)]
    public DateTimeOffset? LastContact { get; set; }

    [Id(7)]
    public int Conversations { get; set; }

    [Id(8)]
    public int Messages { get; set; }

    [Id(9)]
    public int Orders { get; set; }

    [Id(10)]
    public int CsatSum { get; set; }

    [Id(11)]
    public int CsatCount { get; set; }

    [Id(12)]
    public decimal LifetimeValue { get; set; }

    [Id(13)]
    public List<ConversationSummary> RecentConversations { get; set; } = [];

    [Id(14)]
    public List<OrderRecord> RecentOrders { get; set; } = [];

    [Id(15)]
    public Lifecycle Lifecycle { get; set; }

    [Id(16)]
    public ManualLifecycle? ManualLifecycle { get; set; }

    [Id(17)]
    public IntentSignal Intent { get; set; } = IntentSignal.None;

    [Id(18)]
    public List<MessageIntent> RecentMessageIntents { get; set; } = [];

    [Id(19)]
    public DateTimeOffset? LastPricingView { get; set; }

    [Id(20)]
    public DateTimeOffset? LastCartView { get; set; }

    [Id(21)]
    public List<string> Tags { get; set; } = [];

    /// <summary>Static segments agents added the customer to.</summary>
    [Id(22)]
    public List<string> StaticSegments { get; set; } = [];

    /// <summary>Every segment the customer belongs to (static and rule-based), as of the last commit.</summary>
    [Id(23)]
    public List<string> Segments { get; set; } = [];

    [Id(24)]
    public List<Note> Notes { get; set; } = [];

    [Id(25)]
    public Dictionary<string, AttributeValue> Attributes { get; set; } = [];

    [Id(26)]
    public List<ChannelIdentity> Identities { get; set; } = [];

    /// <summary>Applied event ids live in the ledger (<see cref="Ingest.Idempotency.IAppliedEvents"/>); these are the ones kept before it.</summary>
    [Id(27)]
    [JsonPropertyName("recentEvents")]
    public LegacyEventDigests LegacyEvents { get; set; } = new();

    [Id(28)]
    public long TimelineSequence { get; set; }

    /// <summary>Merges already absorbed, by merge key, so a resumed merge is applied once.</summary>
    [Id(29)]
    public List<string> AppliedMerges { get; set; } = [];

    /// <summary>Customers merged into this one: their tombstones hold personal data that an erase must reach too.</summary>
    [Id(30)]
    public List<string> AbsorbedIds { get; set; } = [];

    [Id(31)]
    public long NoteSequence { get; set; }

    /// <summary>
    /// Merges in progress into this customer, by merge key: while any is pending this customer cannot itself be retired,
    /// so concurrent merges can never leave tombstones forwarding around a cycle.
    /// </summary>
    [Id(32)]
    public List<string> PendingMerges { get; set; } = [];

    /// <summary>How the last few inbound messages with text sounded; absent in state written before sentiment was read.</summary>
    [Id(33)]
    public List<MessageSentiment> RecentMessageSentiments { get; set; } = [];

    /// <summary>An agent's confirmation or correction of the intent, until the computed intent moves (<see cref="IntentCorrectionRules"/>).</summary>
    [Id(34)]
    public IntentCorrection? IntentCorrection { get; set; }

    /// <summary>A correction stored this customer's messages as labelled examples: erasing it must retrain the workspace's model without them.</summary>
    [Id(35)]
    public bool TaughtIntentModel { get; set; }
}

[GenerateSerializer]
[Immutable]
[Alias("crm.ProfileData")]
public sealed record ProfileData
{
    [Id(0)]
    public string? Name { get; init; }

    [Id(1)]
    public string? Email { get; init; }

    [Id(2)]
    public string? Phone { get; init; }

    [Id(3)]
    public string? Company { get; init; }

    [Id(4)]
    public string? City { get; init; }

    [Id(5)]
    public string? Country { get; init; }

    [Id(6)]
    public string? Language { get; init; }

    [Id(7)]
    public string? AvatarUrl { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<ConversationStatus>))]
[GenerateSerializer]
[Alias("crm.ConversationStatus")]
public enum ConversationStatus
{
    Open,
    Closed,
}

[GenerateSerializer]
[Immutable]
[Alias("crm.ConversationSummary")]
public sealed record ConversationSummary
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Channel { get; init; }

    [Id(2)]
    public ConversationStatus Status { get; init; }

    [Id(3)]
    public DateTimeOffset StartedAt { get; init; }

    [Id(4)]
    public DateTimeOffset? LastMessageAt { get; init; }

    [Id(5)]
    public DateTimeOffset? ClosedAt { get; init; }

    [Id(6)]
    public int MessageCount { get; init; }

    [Id(7)]
    public string? LastSnippet { get; init; }

    /// <summary>How the conversation's latest inbound message with text sounded; null until one arrives.</summary>
    [Id(8)]
    public Sentiment? Sentiment { get; init; }

    /// <summary>When the oldest inbound message the team has not replied to was written; null when nothing waits for a reply.</summary>
    [Id(9)]
    public DateTimeOffset? AwaitingReplySince { get; init; }

    /// <summary>The event id of that oldest unanswered message.</summary>
    [Id(10)]
    public string? AwaitingMessageId { get; init; }

    /// <summary>How many inbound messages wait for a reply.</summary>
    [Id(11)]
    public int AwaitingMessages { get; init; }

    /// <summary>When the team last wrote (an outbound message).</summary>
    [Id(12)]
    public DateTimeOffset? LastReplyAt { get; init; }

    /// <summary>When the oldest message the team's last reply answered was written: the reply's wait is the gap to <see cref="LastReplyAt"/>.</summary>
    [Id(13)]
    public DateTimeOffset? LastReplyWaitedSince { get; init; }

    /// <summary>The event id of that message.</summary>
    [Id(14)]
    public string? LastReplyAnsweredMessageId { get; init; }

    /// <summary>How many times the customer came back to the conversation after it was closed.</summary>
    [Id(15)]
    public int Reopens { get; init; }

    [Id(16)]
    public DateTimeOffset? LastReopenedAt { get; init; }
}

[GenerateSerializer]
[Immutable]
[Alias("crm.OrderRecord")]
public sealed record OrderRecord
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public decimal Amount { get; init; }

    [Id(2)]
    public required string Currency { get; init; }

    [Id(3)]
    public DateTimeOffset PlacedAt { get; init; }

    [Id(4)]
    public DateTimeOffset? RefundedAt { get; init; }
}

/// <summary>An agent's lifecycle choice and the automatic stage at that moment: the choice stands until the automatic stage moves.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.ManualLifecycle")]
public sealed record ManualLifecycle(Lifecycle Stage, string Actor, DateTimeOffset At, Lifecycle AutomaticStageThen);

[GenerateSerializer]
[Immutable]
[Alias("crm.Note")]
public sealed record Note
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Author { get; init; }

    [Id(2)]
    public required string Text { get; init; }

    [Id(3)]
    public DateTimeOffset At { get; init; }

    [Id(4)]
    public DateTimeOffset? EditedAt { get; init; }
}

/// <summary>The text model's reading of one inbound message, kept for a while to combine with behaviour.</summary>
[GenerateSerializer]
[Alias("crm.MessageIntent")]
public sealed record MessageIntent(DateTimeOffset At, Intent Intent, double Score, IReadOnlyList<string> Reasons)
{
    /// <summary>Where the message was written, so its reason links there; absent in readings kept before reasons linked.</summary>
    [Id(4)]
    public string? ConversationId { get; init; }

    /// <summary>The message's event id.</summary>
    [Id(5)]
    public string? MessageId { get; init; }

    /// <summary>
    /// The message's text (up to <see cref="IntentCorrectionRules.ExampleTextLimit"/> characters), so an agent's correction can
    /// teach the workspace's model; absent in state written before corrections were learnt.
    /// </summary>
    [Id(9)]
    public string? Text { get; init; }
}

/// <summary>The sentiment model's reading of one inbound message, kept for a while to tell the customer's current mood.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.MessageSentiment")]
public sealed record MessageSentiment(DateTimeOffset At, Sentiment Sentiment, double Score)
{
    /// <summary>Where the message was written, so a sentiment reason links there; absent in readings kept before reasons linked.</summary>
    [Id(3)]
    public string? ConversationId { get; init; }

    /// <summary>The message's event id.</summary>
    [Id(4)]
    public string? MessageId { get; init; }
}
