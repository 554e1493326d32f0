using Crm.Grains.Intents;

namespace Crm.Grains.Customers;

/// <summary>
/// The flat view of one customer: what segment rules are evaluated against and what the read model stores.
/// Tags, segments and channels are lower-case; channels are the channel names of the customer's identities.
/// </summary>
public sealed record CustomerSnapshot
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Company { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Language { get; init; }

    public string? AvatarUrl { get; init; }

    public Lifecycle Lifecycle { get; init; }

    public Intent Intent { get; init; } = Intent.NoEngagement;

    public double IntentScore { get; init; }

    public IReadOnlySet<string> Tags { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Segments { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Channels { get; init; } = new HashSet<string>();

    public int Conversations { get; init; }

    public int Messages { get; init; }

    public int Orders { get; init; }

    public decimal LifetimeValue { get; init; }

    /// <summary>Null until the first CSAT score.</summary>
    public double? CsatAverage { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset? LastActive { get; init; }

    public DateTimeOffset? LastContact { get; init; }

    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; } = new Dictionary<string, AttributeValue>();
}
