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
        _meter.CreateObservableUpDownCounter("crm.silo.activations.current", currentActivations, description: "Live activations");
        _meter.CreateObservableCounter("crm.silo.activations.created", () => Volatile.Read(ref _activationsCreated));
        _meter.CreateObservableCounter("crm.silo.activations.collected", () => Volatile.Read(ref _activationsCollected));
        _meter.CreateObservableCounter("crm.silo.calls", () => Volatile.Read(ref _calls));
        _meter.CreateObservableCounter("crm.silo.calls.failed", () => Volatile.Read(ref _callFailures));
        _meter.CreateObservableCounter("crm.silo.calls.overloaded", () => Volatile.Read(ref _overloads));
        _meter.CreateObservableCounter("crm.silo.calls.deadlocked", () => Volatile.Read(ref _deadlocks));
        _meter.CreateObservableGauge("crm.silo.queue.depth", queuedRequests, description: "Requests waiting across all activations");
        _callDuration = _meter.CreateHistogram<double>("crm.silo.call.duration", "ms", "From enqueue to response");
        _meter.CreateObservableCounter("crm.silo.storage.batches", () => Volatile.Read(ref _batches));
        _meter.CreateObservableCounter("crm.silo.storage.batches.failed", () => Volatile.Read(ref _batchFailures));
        _meter.CreateObservableCounter("crm.silo.storage.conflicts", () => Volatile.Read(ref _conflicts));
        _batchSize = _meter.CreateHistogram<int>("crm.silo.storage.batch.size", "writes");
        _batchDuration = _meter.CreateHistogram<double>("crm.silo.storage.batch.duration", "ms");
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
