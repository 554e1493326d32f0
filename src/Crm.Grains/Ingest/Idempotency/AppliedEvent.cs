namespace Crm.Grains.Ingest.Idempotency;

/// <summary>Who applied an event id, and when.</summary>
public sealed record AppliedEvent(string CustomerId, DateTimeOffset AppliedAt);
