namespace Crm.Web.Limits;

/// <summary>
/// Events this node finished applying per second over the last few seconds: the rate its admission queue drains at.
/// Group commit finishes events in lumps (a whole transaction's at once), so one second alone can read as a stall; a
/// few seconds cannot. Unknown (null) when nothing finished in that window, after an idle spell or during a stall: a
/// wait is then not estimated but bounded by the queue's timeout.
/// </summary>
public sealed class CompletionRate(TimeProvider time)
{
    /// <summary>Whole seconds remembered beside the current one.</summary>
    public const int WindowSeconds = 4;

    private readonly Lock _lock = new();
    private readonly long _second = time.TimestampFrequency;
    private readonly long[] _seconds = new long[WindowSeconds];
    private long _bucketStart = time.GetTimestamp();
    private long _current;
    private int _next;
    private int _filled;

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
            var completed = _seconds.Sum();
            if (completed == 0)
            {
                return null;
            }

            var seconds = _filled + (double)(now - _bucketStart) / _second;
            return (completed + _current) / seconds;
        }
    }

    private void Roll(long now)
    {
        var elapsed = (now - _bucketStart) / _second;
        if (elapsed == 0)
        {
            return;
        }

        for (var i = 0; i < Math.Min(elapsed, WindowSeconds); i++)
        {
            // The second that just ended counts only while it is still inside the window.
            _seconds[_next] = i == 0 && elapsed <= WindowSeconds ? _current : 0;
            _next = (_next + 1) % WindowSeconds;
            _filled = Math.Min(_filled + 1, WindowSeconds);
        }

        _current = 0;
        _bucketStart += elapsed * _second;
    }
}
