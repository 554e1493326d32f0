using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Crm.Silo.Diagnostics;

/// <summary>
/// The group-commit storage's meter, <c>Crm.Silo</c>, beside Orleans' own <c>Microsoft.Orleans</c> meter. Counts are
/// interlocked fields read by observable instruments, so a commit costs no instrument dispatch.
/// </summary>
public sealed class StorageMetrics : IDisposable
{
    public const string MeterName = "Crm.Silo";

    private readonly Meter _meter;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private long _batches;
    private long _batchFailures;
    private long _conflicts;

    public StorageMetrics()
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableCounter("crm.silo.storage.batches", () => Volatile.Read(ref _batches), "{batch}", "Group-commit transactions stored");
        _meter.CreateObservableCounter("crm.silo.storage.batches.failed", () => Volatile.Read(ref _batchFailures), "{batch}", "Group-commit transactions storage refused: every writer in them failed");
        _meter.CreateObservableCounter("crm.silo.storage.conflicts", () => Volatile.Read(ref _conflicts), "{write}", "Writes refused for a stale version (ETag); each drops its activation");
        _batchSize = _meter.CreateHistogram<int>("crm.silo.storage.batch.size", "{write}", "Grain writes per group-commit transaction");
        _batchDuration = _meter.CreateHistogram<double>("crm.silo.storage.batch.duration", "ms", "From taking a batch to its transaction's commit");
    }

    public long Batches => Volatile.Read(ref _batches);

    internal void BatchCommitted(int size, long startedAt, int conflicts)
    {
        Interlocked.Increment(ref _batches);
        if (conflicts > 0)
        {
            Interlocked.Add(ref _conflicts, conflicts);
        }

        _batchSize.Record(size);
        _batchDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
    }

    internal void BatchFailed() => Interlocked.Increment(ref _batchFailures);

    public void Dispose() => _meter.Dispose();
}
