using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Crm.Grains.Customers;
using Crm.Grains.Identities;

namespace Crm.Grains.Ingest;

/// <summary>
/// One thing a channel adapter reports about a customer, addressed by the channel identity it came from.
/// Which of the optional fields are required depends on <see cref="Type"/>; <see cref="EventValidation"/> says.
/// </summary>
public sealed record EngagementEvent
{
    public required string Id { get; init; }

    public required EventType Type { get; init; }

    public required Channel Channel { get; init; }

    public required string Identity { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? ConversationId { get; init; }

    public MessageDirection Direction { get; init; } = MessageDirection.Inbound;

    public string? Text { get; init; }

    public int? Score { get; init; }

    public string? OrderId { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Url { get; init; }

    public Traits? Traits { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<MessageDirection>))]
public enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>What an <see cref="EventType.Identify"/> event says about the customer.</summary>
public sealed record Traits
{
    public ProfilePatch? Profile { get; init; }

    public IReadOnlyList<ChannelIdentity>? Identities { get; init; }

    public IReadOnlyDictionary<string, AttributeValue>? Attributes { get; init; }
}

public sealed record ChannelIdentity(Channel Channel, string Value);
