using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;

namespace Crm.Web.Limits;

/// <summary>
/// Admission of ingest work on this node: at most <see cref="IngestAdmissionSettings.MaxEventsInFlight"/> events are
/// applied at once, and requests beyond wait in order for their turn. A request is shed — answered 503 with nothing
/// applied — when waiting would keep its acknowledgement longer than <see cref="IngestAdmissionSettings.MaxQueueWait"/>:
/// at once when the queue is full or the events ahead of it would take longer than that to drain at the rate this node
/// has been completing them, and otherwise when it has waited that long. Queueing past saturation only lengthens every
/// acknowledgement; shedding keeps the admitted ones prompt and tells adapters to come back.
/// </summary>
public sealed class IngestAdmission : IDisposable
{
    /// <summary>The service's own meter, beside the silo's <c>Crm.Silo</c>.</summary>
    public const string MeterName = "Crm.Web";

    private readonly IngestAdmissionSettings _settings;
    private readonly ConcurrencyLimiter _limiter;
    private readonly CompletionRate _rate;
    private readonly Counter<long> _shedRequests;
    private readonly Counter<long> _shedEvents;

    public IngestAdmission(IngestAdmissionSettings settings, IMeterFactory meters, TimeProvider time)
    {
        _settings = settings;
        _rate = new CompletionRate(time);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxEventsInFlight,
            QueueLimit = settings.MaxQueuedEvents,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var meter = meters.Create(MeterName);
        _shedRequests = meter.CreateCounter<long>("crm.ingest.shed", "{request}", "Ingest requests answered 503 by admission, by reason (queue_full, wait, timeout); none of their events was applied");
        _shedEvents = meter.CreateCounter<long>("crm.ingest.shed.events", "{event}", "Events in the ingest requests shed by admission");
        meter.CreateObservableGauge("crm.ingest.admission.in_flight", () => _settings.MaxEventsInFlight - (_limiter.GetStatistics()?.CurrentAvailablePermits ?? 0), "{event}", "Events being applied on this node");
        meter.CreateObservableGauge("crm.ingest.admission.queued", () => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0, "{event}", "Events of requests waiting for admission on this node");
    }

    public TimeSpan RetryAfter => _settings.RetryAfter;

    /// <summary>Admits <paramref name="events"/> events, possibly after a wait, or answers null: the request is shed.</summary>
    /// <exception cref="OperationCanceledException">The client went away while its request waited.</exception>
    public async ValueTask<Admitted?> AdmitAsync(int events, CancellationToken aborted)
    {
        var permits = Math.Min(events, _settings.MaxEventsInFlight);
        var lease = _limiter.AttemptAcquire(permits);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            if (WouldWaitTooLong(permits))
            {
                return Shed("wait", events);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            timeout.CancelAfter(_settings.MaxQueueWait);
            try
            {
                lease = await _limiter.AcquireAsync(permits, timeout.Token);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return Shed("timeout", events);
            }

            if (!lease.IsAcquired)
            {
                lease.Dispose();
                return Shed("queue_full", events);
            }
        }

        return new Admitted(lease, permits, _rate);
    }

    private bool WouldWaitTooLong(int permits)
    {
        var rate = _rate.EventsPerSecond();
        var queued = _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;
        return rate is { } eventsPerSecond && (queued + permits) / eventsPerSecond > _settings.MaxQueueWait.TotalSeconds;
    }

    private Admitted? Shed(string reason, int events)
    {
        var tag = new KeyValuePair<string, object?>("reason", reason);
        _shedRequests.Add(1, tag);
        _shedEvents.Add(events, tag);
        return null;
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>A request's share of the node's ingest work; disposing it, once the request's events are applied, lets the next in.</summary>
    public sealed class Admitted(RateLimitLease lease, int events, CompletionRate rate) : IDisposable
    {
        public void Dispose()
        {
            rate.Completed(events);
            lease.Dispose();
        }
    }
}
