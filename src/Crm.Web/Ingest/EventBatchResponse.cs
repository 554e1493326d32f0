namespace Crm.Web.Ingest;

/// <summary>One outcome per posted event, in order: accepted (durable), duplicate (applied before) or rejected with the rule.</summary>
public sealed record EventBatchResponse(IReadOnlyList<EventResult> Results);

public sealed record EventResult(string? Id, string Status, string? CustomerId = null, EventError? Error = null);

public sealed record EventError(string Field, string Rule);
