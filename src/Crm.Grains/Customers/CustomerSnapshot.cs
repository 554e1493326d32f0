using Crm.Grains.Intents;
using Orleans;

namespace Crm.Grains.Customers;

/// <summary>
/// The flat view of one customer: what segment rules are evaluated against and what the read model stores.
/// Tags, segments and channels are lower-case; channels are the channel names of the customer's identities.
/// </summary>
[GenerateSerializer]
[Alias("crm.CustomerSnapshot")]
public sealed record CustomerSnapshot
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public string? Name { get; init; }

    [Id(2)]
    public string? Email { get; init; }

    [Id(3)]
    public string? Phone { get; init; }

    [Id(4)]
    public string? Company { get; init; }

    [Id(5)]
    public string? City { get; init; }

    [Id(6)]
    public string? Country { get; init; }

    [Id(7)]
    public string? Language { get; init; }

    [Id(8)]
    public string? AvatarUrl { get; init; }

    [Id(9)]
    public Lifecycle Lifecycle { get; init; }

    [Id(10)]
    public Intent Intent { get; init; } = Intent.NoEngagement;

    [Id(11)]
    public double IntentScore { get; init; }

    /// <summary>The customer's current sentiment (<see cref="SentimentRules.Current"/>) when the snapshot was taken.</summary>
    [Id(24)]
    public Sentiment Sentiment { get; init; } = Sentiment.Neutral;

    [Id(12)]
    public IReadOnlySet<string> Tags { get; init; } = new HashSet<string>();

    [Id(13)]
    public IReadOnlySet<string> Segments { get; init; } = new HashSet<string>();

    [Id(14)]
    public IReadOnlySet<string> Channels { get; init; } = new HashSet<string>();

    [Id(15)]
    public int Conversations { get; init; }

    [Id(16)]
    public int Messages { get; init; }

    [Id(17)]
    public int Orders { get; init; }

    [Id(18)]
    public decimal LifetimeValue { get; init; }

    /// <summary>Null until the first CSAT score.</summary>
    [Id(19)]
    public double? CsatAverage { get; init; }

    [Id(20)]
    public DateTimeOffset FirstSeen { get; init; }

    [Id(21)]
    public DateTimeOffset? LastActive { get; init; }

    [Id(22)]
    public DateTimeOffset? LastContact { get; init; }

    [Id(23)]
    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; } = new Dictionary<string, AttributeValue>();
}
