namespace Crm.Web.Limits;

/// <summary>
/// Events this node finished applying per second, over the last one to two seconds: the rate its admission queue drains
/// at. Unknown (null) when nothing finished during the last full second, after an idle spell as during a stall; a wait
/// is then not estimated but bounded by the queue's timeout.
/// </summary>
public sealed class CompletionRate(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly long _second = time.TimestampFrequency;
    private long _bucketStart = time.GetTimestamp();
    private long _current;
    private long _previous;

    public void Completed(int events)
    {
        lock (_lock)
        {
            Roll(time.GetTimestamp());
            _current += events;
        }
    }

    public double? EventsPerSecond()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            Roll(now);
            if (_previous == 0)
            {
                return null;
            }

            var seconds = 1 + (double)(now - _bucketStart) / _second;
            return (_previous + _current) / seconds;
        }
    }

    private void Roll(long now)
    {
        var elapsed = (now - _bucketStart) / _second;
        if (elapsed == 0)
        {
            return;
        }

        _previous = elapsed == 1 ? _current : 0;
        _current = 0;
        _bucketStart += elapsed * _second;
    }
}
