using System.Text.Json.Serialization;

namespace Crm.Web.Tests.Durability;

/// <summary>One event exactly as an adapter posts it to <c>POST /api/v1/events</c>; it serializes to the API's shape.</summary>
public sealed record PlannedEvent
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string Channel { get; init; }

    public required string Identity { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? ConversationId { get; init; }

    public string? Text { get; init; }

    public int? Score { get; init; }

    public string? OrderId { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Url { get; init; }

    [JsonIgnore]
    public Sender Sender => new(Channel, Identity);

    public static PlannedEvent Message(string id, Sender sender, DateTimeOffset at, string conversationId, string text) => new()
    {
        Id = id, Type = "message_received", Channel = sender.Channel, Identity = sender.Identity, OccurredAt = at, ConversationId = conversationId, Text = text,
    };

    public static PlannedEvent Order(string id, Sender sender, DateTimeOffset at, string orderId, decimal amount) => new()
    {
        Id = id, Type = "order_placed", Channel = sender.Channel, Identity = sender.Identity, OccurredAt = at, OrderId = orderId, Amount = amount, Currency = "EUR",
    };

    public static PlannedEvent Csat(string id, Sender sender, DateTimeOffset at, int score) => new()
    {
        Id = id, Type = "csat_submitted", Channel = sender.Channel, Identity = sender.Identity, OccurredAt = at, Score = score,
    };

    public static PlannedEvent PageView(string id, Sender sender, DateTimeOffset at, string url) => new()
    {
        Id = id, Type = "page_viewed", Channel = sender.Channel, Identity = sender.Identity, OccurredAt = at, Url = url,
    };
}
