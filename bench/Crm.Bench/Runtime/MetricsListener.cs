using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Crm.Bench.Runtime;

/// <summary>
/// Metrics "on": every instrument of the named meters is listened to, as an exporter would, so instruments that only
/// record while someone listens (Orleans' per-request latency histogram among them) cost what they cost in production.
/// </summary>
internal sealed class MetricsListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _instrumentsByMeter = new();
    private long _measurements;

    public MetricsListener(params string[] meterNames)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name))
            {
                _instrumentsByMeter.AddOrUpdate(instrument.Meter.Name, 1, (_, count) => count + 1);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.Start();
    }

    public long Measurements => Volatile.Read(ref _measurements);

    /// <summary>Which meters were found and how many instruments each published: proof the names listened to are the real ones.</summary>
    public string Describe() =>
        string.Join(", ", _instrumentsByMeter.OrderBy(meter => meter.Key).Select(meter => $"{meter.Key}: {meter.Value} instruments"));

    public void Dispose() => _listener.Dispose();
}
