using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Crm.Silo.Diagnostics;

/// <summary>
/// The runtime's meter, <c>Crm.Silo</c>. Hot-path counts are plain interlocked fields read by observable instruments,
/// so a call costs no instrument dispatch; latency is recorded only while someone listens.
/// </summary>
public sealed class SiloMetrics : IDisposable
{
    public const string MeterName = "Crm.Silo";

    private readonly Meter _meter;
    private readonly Histogram<double> _callDuration;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private long _activationsCreated;
    private long _activationsCollected;
    private long _calls;
    private long _callFailures;
    private long _overloads;
    private long _deadlocks;
    private long _batches;
    private long _batchFailures;
    private long _conflicts;

    public SiloMetrics(Func<long> currentActivations, Func<long> queuedRequests)
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableUpDownCounter("crm.silo.activations.current", currentActivations, "{activation}", "Live activations");
        _meter.CreateObservableCounter("crm.silo.activations.created", () => Volatile.Read(ref _activationsCreated), "{activation}", "Activations created: first calls to a grain not in memory");
        _meter.CreateObservableCounter("crm.silo.activations.collected", () => Volatile.Read(ref _activationsCollected), "{activation}", "Activations removed: idle, dropped after a failed write, or at shutdown");
        _meter.CreateObservableCounter("crm.silo.calls", () => Volatile.Read(ref _calls), "{call}", "Grain calls completed, successfully or not");
        _meter.CreateObservableCounter("crm.silo.calls.failed", () => Volatile.Read(ref _callFailures), "{call}", "Grain calls that ended in an exception, refused input included");
        _meter.CreateObservableCounter("crm.silo.calls.overloaded", () => Volatile.Read(ref _overloads), "{call}", "Calls refused at once because the activation's queue was full");
        _meter.CreateObservableCounter("crm.silo.calls.deadlocked", () => Volatile.Read(ref _deadlocks), "{call}", "Calls failed because their call chain would have waited on itself");
        _meter.CreateObservableGauge("crm.silo.queue.depth", queuedRequests, "{request}", "Requests waiting across all activations");
        _callDuration = _meter.CreateHistogram<double>("crm.silo.call.duration", "ms", "From enqueue to response");
        _meter.CreateObservableCounter("crm.silo.storage.batches", () => Volatile.Read(ref _batches), "{batch}", "Group-commit transactions stored");
        _meter.CreateObservableCounter("crm.silo.storage.batches.failed", () => Volatile.Read(ref _batchFailures), "{batch}", "Group-commit transactions storage refused: every writer in them failed");
        _meter.CreateObservableCounter("crm.silo.storage.conflicts", () => Volatile.Read(ref _conflicts), "{write}", "Writes refused for a stale version (ETag); each drops its activation");
        _batchSize = _meter.CreateHistogram<int>("crm.silo.storage.batch.size", "{write}", "Grain writes per group-commit transaction");
        _batchDuration = _meter.CreateHistogram<double>("crm.silo.storage.batch.duration", "ms", "From taking a batch to its transaction's commit");
    }

    public long Calls => Volatile.Read(ref _calls);

    internal void Activated() => Interlocked.Increment(ref _activationsCreated);

    internal void Deactivated() => Interlocked.Increment(ref _activationsCollected);

    internal void Overloaded() => Interlocked.Increment(ref _overloads);

    internal void DeadlockDetected() => Interlocked.Increment(ref _deadlocks);

    internal void CallCompleted(long enqueuedAt, bool failed)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
        {
            Interlocked.Increment(ref _callFailures);
        }

        if (_callDuration.Enabled)
        {
            _callDuration.Record(Stopwatch.GetElapsedTime(enqueuedAt).TotalMilliseconds);
        }
    }

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
