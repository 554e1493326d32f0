namespace Crm.Grains.Ingest.Idempotency;

/// <summary>An event id a customer applied, stored in the same transaction as the customer's state.</summary>
public sealed record AppliedEventRow(string Workspace, string EventId, string CustomerId, DateTimeOffset AppliedAt);
