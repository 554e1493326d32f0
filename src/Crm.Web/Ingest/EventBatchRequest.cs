using Crm.Grains.Customers;

namespace Crm.Web.Ingest;

/// <summary>
/// What a channel adapter posts. Fields are loosely typed here so that one bad event is rejected with its reason while
/// the others in the batch are applied; JSON that does not parse at all rejects the request.
/// </summary>
public sealed record EventBatchRequest(IReadOnlyList<EventRequest>? Events);

public sealed record EventRequest
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Channel { get; init; }

    public string? Identity { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public string? ConversationId { get; init; }

    public string? Direction { get; init; }

    public string? Text { get; init; }

    public int? Score { get; init; }

    public string? OrderId { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Url { get; init; }

    public TraitsRequest? Traits { get; init; }
}

public sealed record TraitsRequest
{
    public ProfilePatch? Profile { get; init; }

    public IReadOnlyList<IdentityRequest>? Identities { get; init; }

    public IReadOnlyDictionary<string, AttributeValue>? Attributes { get; init; }
}

public sealed record IdentityRequest(string? Channel, string? Value);
