using Crm.Grains.Ingest;
using Crm.Grains.Intents;

namespace Crm.Grains.Customers;

/// <summary>Everything the profile shows about one customer.</summary>
public sealed record CustomerView
{
    public required string Id { get; init; }

    public required ProfileData Profile { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset? LastActive { get; init; }

    public DateTimeOffset? LastContact { get; init; }

    public int Conversations { get; init; }

    public int Messages { get; init; }

    public int Orders { get; init; }

    public decimal LifetimeValue { get; init; }

    public int CsatCount { get; init; }

    public double? CsatAverage { get; init; }

    public Lifecycle Lifecycle { get; init; }

    public ManualLifecycle? ManualLifecycle { get; init; }

    public required IntentSignal Intent { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Segments { get; init; } = [];

    public IReadOnlyList<ChannelIdentity> Identities { get; init; } = [];

    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; } = new Dictionary<string, AttributeValue>();

    public IReadOnlyList<Note> Notes { get; init; } = [];

    public IReadOnlyList<ConversationSummary> RecentConversations { get; init; } = [];

    public IReadOnlyList<OrderRecord> RecentOrders { get; init; } = [];
}
