using Crm.Bench.Infrastructure;

namespace Crm.Bench.Storage;

/// <summary>One measured write phase: durable writes per second, their latency, and how many writes shared a transaction.</summary>
internal sealed record WriteRate(double PerSecond, LatencyRecorder Latency, double WritesPerTransaction)
{
    public string Describe() =>
        $"p99 {Latency.PercentileMicroseconds(99) / 1000:0.0} ms, {WritesPerTransaction:0.#} {(WritesPerTransaction == 1 ? "write" : "writes")} per transaction";
}
