namespace Crm.Silo.Runtime;

/// <summary>A turn the runtime starts itself (activation, deactivation, a timer tick): its work is a task and no caller waits on it.</summary>
internal abstract class TaskTurn() : Request(parent: null)
{
    private Task? _work;

    public override bool IsReadOnly => false;

    public override bool IsCall => false;

    /// <summary>The exception the work ended with; cancelled work counts as failed.</summary>
    public override Exception? Failure => _work switch
    {
        { IsFaulted: true } => _work.Exception!.InnerExceptions.Count == 1 ? _work.Exception.InnerException : _work.Exception,
        { IsCanceled: true } => new TaskCanceledException(_work),
        _ => null,
    };

    /// <summary>Starts the work, or returns null when there is nothing to do.</summary>
    protected abstract Task? StartWork();

    protected override bool Invoke(object? grain)
    {
        try
        {
            _work = StartWork();
        }
        catch (Exception exception)
        {
            _work = Task.FromException(exception);
        }

        if (_work is null || _work.IsCompleted)
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
