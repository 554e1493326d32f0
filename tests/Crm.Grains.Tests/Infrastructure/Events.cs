using Crm.Grains.Identities;
using Crm.Grains.Ingest;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>Builds engagement events the way a channel adapter would send them.</summary>
public static class Events
{
    private static long _next;

    public static string NextId() => $"evt-{Interlocked.Increment(ref _next)}";

    public static EngagementEvent Message(Channel channel, string identity, DateTimeOffset at, string text = "hello", string conversation = "conv-1", string? id = null) => new()
    {
        Id = id ?? NextId(), Type = EventType.MessageReceived, Channel = channel, Identity = identity, OccurredAt = at, ConversationId = conversation, Text = text,
    };

    /// <summary>A message the team wrote to the customer.</summary>
    public static EngagementEvent Reply(Channel channel, string identity, DateTimeOffset at, string text = "On it!", string conversation = "conv-1") => new()
    {
        Id = NextId(), Type = EventType.MessageReceived, Channel = channel, Identity = identity, OccurredAt = at, ConversationId = conversation, Text = text,
        Direction = MessageDirection.Outbound,
    };

    public static EngagementEvent Opened(Channel channel, string identity, DateTimeOffset at, string conversation) => new()
    {
        Id = NextId(), Type = EventType.ConversationOpened, Channel = channel, Identity = identity, OccurredAt = at, ConversationId = conversation,
    };

    public static EngagementEvent Order(Channel channel, string identity, DateTimeOffset at, string orderId, decimal amount, string? id = null) => new()
    {
        Id = id ?? NextId(), Type = EventType.OrderPlaced, Channel = channel, Identity = identity, OccurredAt = at, OrderId = orderId, Amount = amount, Currency = "EUR",
    };

    public static EngagementEvent Refund(Channel channel, string identity, DateTimeOffset at, string orderId, decimal amount) => new()
    {
        Id = NextId(), Type = EventType.OrderRefunded, Channel = channel, Identity = identity, OccurredAt = at, OrderId = orderId, Amount = amount, Currency = "EUR",
    };

    public static EngagementEvent Csat(Channel channel, string identity, DateTimeOffset at, int score) => new()
    {
        Id = NextId(), Type = EventType.CsatSubmitted, Channel = channel, Identity = identity, OccurredAt = at, Score = score,
    };

    public static EngagementEvent Closed(Channel channel, string identity, DateTimeOffset at, string conversation) => new()
    {
        Id = NextId(), Type = EventType.ConversationClosed, Channel = channel, Identity = identity, OccurredAt = at, ConversationId = conversation,
    };

    public static EngagementEvent PageView(Channel channel, string identity, DateTimeOffset at, string url) => new()
    {
        Id = NextId(), Type = EventType.PageViewed, Channel = channel, Identity = identity, OccurredAt = at, Url = url,
    };

    public static EngagementEvent Identify(Channel channel, string identity, DateTimeOffset at, Traits traits) => new()
    {
        Id = NextId(), Type = EventType.Identify, Channel = channel, Identity = identity, OccurredAt = at, Traits = traits,
    };
}
