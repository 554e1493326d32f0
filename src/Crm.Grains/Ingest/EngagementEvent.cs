using System.Text.Json.Serialization;
using Crm.Grains.Serialization;
using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Ingest;

/// <summary>
/// One thing a channel adapter reports about a customer, addressed by the channel identity it came from.
/// Which of the optional fields are required depends on <see cref="Type"/>; <see cref="EventValidation"/> says.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.EngagementEvent")]
public sealed record EngagementEvent
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required EventType Type { get; init; }

    [Id(2)]
    public required Channel Channel { get; init; }

    [Id(3)]
    public required string Identity { get; init; }

    [Id(4)]
    public required DateTimeOffset OccurredAt { get; init; }

    [Id(5)]
    public string? ConversationId { get; init; }

    [Id(6)]
    public MessageDirection Direction { get; init; } = MessageDirection.Inbound;

    [Id(7)]
    public string? Text { get; init; }

    [Id(8)]
    public int? Score { get; init; }

    [Id(9)]
    public string? OrderId { get; init; }

    [Id(10)]
    public decimal? Amount { get; init; }

    [Id(11)]
    public string? Currency { get; init; }

    [Id(12)]
    public string? Url { get; init; }

    [Id(13)]
    public Traits? Traits { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<MessageDirection>))]
[GenerateSerializer]
[Alias("crm.MessageDirection")]
public enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>What an <see cref="EventType.Identify"/> event says about the customer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.Traits")]
public sealed record Traits
{
    [Id(0)]
    public ProfilePatch? Profile { get; init; }

    [Id(1)]
    public IReadOnlyList<ChannelIdentity>? Identities { get; init; }

    [Id(2)]
    public IReadOnlyDictionary<string, AttributeValue>? Attributes { get; init; }
}

[GenerateSerializer]
[Immutable]
[Alias("crm.ChannelIdentity")]
public sealed record ChannelIdentity(Channel Channel, string Value);
