using Crm.Bench.Infrastructure;

namespace Crm.Bench.Ingest;

/// <summary>How the adapters load a service: concurrent HTTP clients, events per posted batch, and the customers they write about.</summary>
public sealed record IngestShape(int Clients, int BatchSize, int Customers)
{
    /// <summary>The saturating load of the ingest and cluster suites: <c>--clients</c>, <c>--batch</c> and <c>--customers</c>, or their defaults.</summary>
    public static IngestShape Saturating(BenchSettings settings) => new(
        Clients: settings.Number("clients") ?? 64,
        BatchSize: settings.Number("batch") ?? 50,
        Customers: settings.Number("customers") ?? (settings.Quick ? 20_000 : 50_000));

    /// <summary>Warm-up and measured phase of a saturating load.</summary>
    public static (TimeSpan Warmup, TimeSpan Phase) SaturatingPhases(BenchSettings settings) => settings.Quick
        ? (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8))
        : (TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
}
