using System.Diagnostics;

namespace Crm.Silo.Runtime;

/// <summary>
/// One call to a grain: a value (target, method, arguments) plus the caller's pending result.
/// It is also the synchronization context of its own turn, so every await inside the grain method
/// resumes on the activation, and the chain of <see cref="Parent"/> requests is the call chain that
/// deadlock detection walks.
/// </summary>
internal abstract class Request : WorkItem
{
    private const int Pending = 0;
    private const int Running = 1;
    private const int Finished = 2;

    private int _state;
    private int _callerCompleted;

    protected Request(Request? parent)
    {
        Parent = parent;
    }

    public Request? Parent { get; }

    public Activation Target { get; private set; } = null!;

    public abstract string MethodName { get; }

    public abstract bool AlwaysInterleave { get; }

    public abstract bool IsReadOnly { get; }

    /// <summary>A call from a caller, counted against the queue limit and forwarded if its activation goes away; timer ticks and lifecycle turns are not.</summary>
    public virtual bool IsCall => true;

    /// <summary>Whether the turn counts as activity for idle collection.</summary>
    public virtual bool KeepsAlive => true;

    public long EnqueuedAt { get; private set; }

    public bool IsPending => _state == Pending;

    public bool IsRunning => _state == Running;

    public bool IsFinished => _state == Finished;

    public void Address(Activation target)
    {
        Target = target;
        EnqueuedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Runs the turn on the activation's thread. Returns true when it finished synchronously; otherwise the
    /// request enqueues itself on its activation once the awaited work is done (see <see cref="SignalCompleted"/>).
    /// </summary>
    public bool Start(object? grain)
    {
        _state = Running;
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return Invoke(grain);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    protected abstract bool Invoke(object? grain);

    /// <summary>Reads the outcome of a turn that completed asynchronously, on the activation's thread.</summary>
    public abstract void CollectAsyncOutcome();

    /// <summary>Called on the activation's thread when <see cref="Invoke"/>'s work is done: hands the outcome to the caller.</summary>
    public void Finish()
    {
        _state = Finished;
        if (Interlocked.Exchange(ref _callerCompleted, 1) == 0)
        {
            DeliverOutcome();
        }
    }

    protected abstract void DeliverOutcome();

    /// <summary>Fails the caller without running the method (overload, deactivation failure, timeout); later outcomes are dropped.</summary>
    public void FailCaller(Exception exception)
    {
        if (Interlocked.Exchange(ref _callerCompleted, 1) == 0)
        {
            DeliverFailure(exception);
        }
    }

    protected abstract void DeliverFailure(Exception exception);

    /// <summary>The outcome of the turn, once finished: null on success.</summary>
    public abstract Exception? Failure { get; }

    /// <summary>Signals the activation that the asynchronous part of the turn is done.</summary>
    protected void SignalCompleted() => Target.Enqueue(this);

    public override void Post(SendOrPostCallback callback, object? state) => Target.Enqueue(new Continuation(this, callback, state));

    public override void Send(SendOrPostCallback callback, object? state) =>
        throw new NotSupportedException("Grain code cannot block on its own activation.");

    public override SynchronizationContext CreateCopy() => this;

    public override string ToString() => $"{Target?.Id}.{MethodName}";
}
