using System.Text.Json;

namespace Crm.Web.Tests.Durability;

/// <summary>What a customer's counters must say once each of its events has been applied exactly once.</summary>
public sealed record ExpectedCounters(int Messages, int Conversations, int Orders, decimal LifetimeValue, int CsatCount, double? CsatAverage)
{
    public static ExpectedCounters Of(IEnumerable<PlannedEvent> events)
    {
        var all = events.ToArray();
        var messages = all.Where(e => e.Type == "message_received").ToArray();
        var orders = all.Where(e => e.Type == "order_placed").DistinctBy(e => e.OrderId).ToArray();
        var scores = all.Where(e => e.Type == "csat_submitted").Select(e => e.Score!.Value).ToArray();
        return new ExpectedCounters(
            messages.Length,
            messages.Select(e => e.ConversationId).Distinct().Count(),
            orders.Length,
            orders.Sum(e => e.Amount!.Value),
            scores.Length,
            scores.Length == 0 ? null : Math.Round((double)scores.Sum() / scores.Length, 2));
    }

    /// <summary>The same counters read from a customer as <c>GET /api/v1/customers/{id}</c> returns it.</summary>
    public static ExpectedCounters From(JsonElement customer) => new(
        customer.GetProperty("messages").GetInt32(),
        customer.GetProperty("conversations").GetInt32(),
        customer.GetProperty("orders").GetInt32(),
        customer.GetProperty("lifetimeValue").GetDecimal(),
        customer.GetProperty("csatCount").GetInt32(),
        customer.GetProperty("csatAverage").ValueKind == JsonValueKind.Null ? null : customer.GetProperty("csatAverage").GetDouble());
}
