using Crm.Grains.Validation;

namespace Crm.Grains.Ingest;

public enum IngestStatus
{
    Accepted,
    Duplicate,
    Rejected,
}

/// <summary>One event's outcome: accepted (durable), a duplicate of one applied before, or rejected with the broken rule.</summary>
public sealed record IngestResult(IngestStatus Status, ValidationError? Error = null, string? CustomerId = null);
