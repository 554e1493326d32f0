using Crm.Grains.Customers;
using Crm.Grains.Ingest;

namespace Crm.Web.Customers;

// Each body names the customer it describes: for a merged id that is the survivor, and mergedInto says so.

public sealed record CustomerIdentitiesResponse(string CustomerId, string? MergedInto, IReadOnlyList<ChannelIdentity> Items);

public sealed record CustomerAttributesResponse(string CustomerId, string? MergedInto, IReadOnlyDictionary<string, AttributeValue> Attributes);

/// <summary><c>Total</c> counts every conversation ever opened; <c>Items</c> holds the most recent ones, oldest first.</summary>
public sealed record CustomerConversationsResponse(string CustomerId, string? MergedInto, int Total, int Messages, IReadOnlyList<ConversationSummary> Items);

/// <summary><c>OrderCount</c> and <c>LifetimeValue</c> cover every order (refunds deducted); <c>Items</c> and <c>Refunds</c> the most recent ones.</summary>
public sealed record CustomerOrdersResponse(string CustomerId, string? MergedInto, int OrderCount, decimal LifetimeValue, IReadOnlyList<OrderRecord> Items, IReadOnlyList<RefundItem> Refunds);

public sealed record RefundItem(string OrderId, decimal Amount, string Currency, DateTimeOffset RefundedAt);

public sealed record CustomerNotesResponse(string CustomerId, string? MergedInto, IReadOnlyList<Note> Items);

/// <summary>A <c>PATCH</c> maps names to values (null removes the attribute); a <c>PUT</c> maps names to values and replaces the whole set.</summary>
public sealed record AttributesRequest(IReadOnlyDictionary<string, AttributeValue?>? Attributes);
