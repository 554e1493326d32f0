namespace Crm.Silo.Runtime;

/// <summary>One firing of a grain timer, run as a turn of its grain.</summary>
internal sealed class TimerTick(GrainTimer timer) : Request(parent: null)
{
    private Task? _callback;

    public GrainTimer Timer { get; } = timer;

    public override string MethodName => "timer";

    public override bool AlwaysInterleave => Timer.Options.Interleave;

    public override bool IsReadOnly => false;

    public override bool IsCall => false;

    public override bool KeepsAlive => Timer.Options.KeepAlive;

    public override Exception? Failure => TurnOutcome.FailureOf(_callback);

    protected override bool Invoke(object? grain)
    {
        if (Timer.IsDisposed)
        {
            return true;
        }

        try
        {
            _callback = Timer.Callback(Timer.Cancellation);
        }
        catch (Exception exception)
        {
            _callback = Task.FromException(exception);
        }

        if (_callback.IsCompleted)
        {
            return true;
        }

        _callback.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(SignalCompleted);
        return false;
    }

    public override void CollectAsyncOutcome()
    {
    }

    protected override void DeliverOutcome()
    {
    }

    protected override void DeliverFailure(Exception exception)
    {
    }
}
