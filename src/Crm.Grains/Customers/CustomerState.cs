using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;

namespace Crm.Grains.Customers;

/// <summary>What a customer grain persists. Lists that grow with time are bounded here; the full timeline lives in the read model.</summary>
public sealed class CustomerState
{
    public const int RecentConversationLimit = 100;
    public const int RecentOrderLimit = 100;

    public bool Exists { get; set; }

    /// <summary>Set once this customer was merged into another: every call is forwarded there.</summary>
    public string? MergedInto { get; set; }

    /// <summary>Set once personal data was erased: the id stays reserved and answers as gone.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public ProfileData Profile { get; set; } = new();

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset? LastActive { get; set; }

    public DateTimeOffset? LastContact { get; set; }

    public int Conversations { get; set; }

    public int Messages { get; set; }

    public int Orders { get; set; }

    public int CsatSum { get; set; }

    public int CsatCount { get; set; }

    public decimal LifetimeValue { get; set; }

    public List<ConversationSummary> RecentConversations { get; set; } = [];

    public List<OrderRecord> RecentOrders { get; set; } = [];

    public Lifecycle Lifecycle { get; set; }

    public ManualLifecycle? ManualLifecycle { get; set; }

    public IntentSignal Intent { get; set; } = IntentSignal.None;

    public List<MessageIntent> RecentMessageIntents { get; set; } = [];

    public DateTimeOffset? LastPricingView { get; set; }

    public DateTimeOffset? LastCartView { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>Static segments agents added the customer to.</summary>
    public List<string> StaticSegments { get; set; } = [];

    /// <summary>Every segment the customer belongs to (static and rule-based), as of the last commit.</summary>
    public List<string> Segments { get; set; } = [];

    public List<Note> Notes { get; set; } = [];

    public Dictionary<string, AttributeValue> Attributes { get; set; } = [];

    public List<ChannelIdentity> Identities { get; set; } = [];

    /// <summary>The most recent events applied: a retried event within this window counts once.</summary>
    public EventWindow RecentEvents { get; set; } = new();

    public long TimelineSequence { get; set; }

    /// <summary>Merges already absorbed, by merge key, so a resumed merge is applied once.</summary>
    public List<string> AppliedMerges { get; set; } = [];

    /// <summary>Customers merged into this one: their tombstones hold personal data that an erase must reach too.</summary>
    public List<string> AbsorbedIds { get; set; } = [];

    public long NoteSequence { get; set; }
}

public sealed record ProfileData
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Company { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Language { get; init; }

    public string? AvatarUrl { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<ConversationStatus>))]
public enum ConversationStatus
{
    Open,
    Closed,
}

public sealed record ConversationSummary
{
    public required string Id { get; init; }

    public required string Channel { get; init; }

    public ConversationStatus Status { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? LastMessageAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int MessageCount { get; init; }

    public string? LastSnippet { get; init; }
}

public sealed record OrderRecord
{
    public required string Id { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public DateTimeOffset PlacedAt { get; init; }

    public DateTimeOffset? RefundedAt { get; init; }
}

/// <summary>An agent's lifecycle choice and the automatic stage at that moment: the choice stands until the automatic stage moves.</summary>
public sealed record ManualLifecycle(Lifecycle Stage, string Actor, DateTimeOffset At, Lifecycle AutomaticStageThen);

public sealed record Note
{
    public required string Id { get; init; }

    public required string Author { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset At { get; init; }

    public DateTimeOffset? EditedAt { get; init; }
}

/// <summary>The text model's reading of one inbound message, kept for a while to combine with behaviour.</summary>
public sealed record MessageIntent(DateTimeOffset At, Intent Intent, double Score, IReadOnlyList<string> Reasons);
