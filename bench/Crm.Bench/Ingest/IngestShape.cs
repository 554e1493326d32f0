namespace Crm.Bench.Ingest;

/// <summary>How the adapters load a service: concurrent HTTP clients, events per posted batch, and the customers they write about.</summary>
public sealed record IngestShape(int Clients, int BatchSize, int Customers);
