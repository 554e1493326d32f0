namespace Crm.Silo.Runtime;

/// <summary>Activation or deactivation of a grain, run as an exclusive turn so its awaits resume on the activation.</summary>
internal sealed class LifecycleTurn(string name, Func<Task> work, Request? parent = null) : Request(parent)
{
    private Task? _work;

    public override string MethodName => name;

    public override bool AlwaysInterleave => false;

    public override bool IsReadOnly => false;

    public override bool IsCall => false;

    public override Exception? Failure => TurnOutcome.FailureOf(_work);

    protected override bool Invoke(object? grain)
    {
        try
        {
            _work = work();
        }
        catch (Exception exception)
        {
            _work = Task.FromException(exception);
        }

        if (_work.IsCompleted)
        {
            return true;
        }

        _work.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(SignalCompleted);
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
