namespace Crm.Bench.Baseline;

/// <summary>The CRUD application's request body: the same JSON the engine's <c>POST /api/v1/events</c> takes.</summary>
public sealed record CrudBatch(List<CrudEvent>? Events);

public sealed record CrudEvent(
    string? Id,
    string? Type,
    string? Channel,
    string? Identity,
    DateTimeOffset? OccurredAt,
    string? ConversationId,
    string? Direction,
    string? Text,
    int? Score,
    string? OrderId,
    decimal? Amount,
    string? Currency,
    string? Url,
    System.Text.Json.JsonElement? Traits);

public sealed record CrudResult(string? Id, string Status, string? CustomerId = null);
