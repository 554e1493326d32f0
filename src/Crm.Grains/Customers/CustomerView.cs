using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Orleans;

namespace Crm.Grains.Customers;

/// <summary>Everything the profile shows about one customer.</summary>
[GenerateSerializer]
[Alias("crm.CustomerView")]
public sealed record CustomerView
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required ProfileData Profile { get; init; }

    [Id(2)]
    public DateTimeOffset FirstSeen { get; init; }

    [Id(3)]
    public DateTimeOffset? LastActive { get; init; }

    [Id(4)]
    public DateTimeOffset? LastContact { get; init; }

    [Id(5)]
    public int Conversations { get; init; }

    [Id(6)]
    public int Messages { get; init; }

    [Id(7)]
    public int Orders { get; init; }

    [Id(8)]
    public decimal LifetimeValue { get; init; }

    [Id(9)]
    public int CsatCount { get; init; }

    [Id(10)]
    public double? CsatAverage { get; init; }

    [Id(11)]
    public Lifecycle Lifecycle { get; init; }

    [Id(12)]
    public ManualLifecycle? ManualLifecycle { get; init; }

    [Id(13)]
    public required IntentSignal Intent { get; init; }

    [Id(14)]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(15)]
    public IReadOnlyList<string> Segments { get; init; } = [];

    [Id(16)]
    public IReadOnlyList<ChannelIdentity> Identities { get; init; } = [];

    [Id(17)]
    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; } = new Dictionary<string, AttributeValue>();

    [Id(18)]
    public IReadOnlyList<Note> Notes { get; init; } = [];

    [Id(19)]
    public IReadOnlyList<ConversationSummary> RecentConversations { get; init; } = [];

    [Id(20)]
    public IReadOnlyList<OrderRecord> RecentOrders { get; init; } = [];

    /// <summary>The customer's current sentiment, as the <c>sentiment</c> segment field reads it.</summary>
    [Id(21)]
    public Sentiment Sentiment { get; init; } = Sentiment.Neutral;

    /// <summary>Recent inbound messages turned negative (<see cref="SentimentRules.TurnedNegative"/>): a needs-attention candidate.</summary>
    [Id(22)]
    public bool SentimentTurnedNegative { get; init; }

    /// <summary>The agent's confirmation or correction <see cref="Intent"/> shows, while it stands; null when the intent is computed.</summary>
    [Id(23)]
    public IntentCorrection? IntentCorrection { get; init; }
}
