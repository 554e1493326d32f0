namespace Crm.Silo.Runtime;

/// <summary>
/// A grain timer: each firing enqueues a <see cref="TimerTick"/>, and the next period starts only when that tick has run,
/// so ticks never overlap. Disposed with its activation.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly Activation _activation;
    private readonly Timer _timer;
    private readonly CancellationTokenSource _cancellation = new();
    private int _disposed;

    public GrainTimer(Activation activation, Func<CancellationToken, Task> callback, GrainTimerOptions options)
    {
        _activation = activation;
        Callback = callback;
        Options = options;
        _timer = new Timer(static state => ((GrainTimer)state!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
        _timer.Change(options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public Func<CancellationToken, Task> Callback { get; }

    public GrainTimerOptions Options { get; }

    public CancellationToken Cancellation => _cancellation.Token;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private void Fire()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _activation.Enqueue(new TimerTick(this));
        }
    }

    public void OnTickFinished()
    {
        if (Volatile.Read(ref _disposed) == 0 && Options.Period != Timeout.InfiniteTimeSpan)
        {
            try
            {
                _timer.Change(Options.Period, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed from another thread after the check: nothing to re-arm.
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cancellation.Cancel();
            _timer.Dispose();
            _activation.RemoveTimer(this);
        }
    }
}
