using System.Diagnostics;

namespace Crm.Silo.Runtime;

/// <summary>
/// One live grain: its inbox, its scheduling state and the grain object. Whoever holds <see cref="_scheduled"/>
/// is the only thread touching the fields marked "activation thread", so a turn never runs beside another
/// unless the grain or the method allows interleaving, and even then never in parallel.
/// </summary>
internal sealed class Activation : IThreadPoolWorkItem
{
    /// <summary>Items run per scheduling before yielding the thread, so one busy grain cannot starve the pool.</summary>
    private const int TurnBudget = 128;

    [ThreadStatic]
    private static Activation? _constructing;

    private readonly WorkQueue _inbox = new();
    private int _scheduled;
    private int _queuedCalls;
    private volatile ActivationStatus _status;
    private long _busySince;

    // Activation thread only.
    private Queue<Request>? _deferred;
    private List<Request>? _running;
    private int _runningWriters;
    private DeactivationReason? _deactivationRequested;
    private List<GrainTimer>? _timers;
    private object? _grain;
    private IActivationState[] _states = [];
    private long _lastActivity = Environment.TickCount64;
    private TaskCompletionSource? _deactivated;

    public Activation(GrainId id, GrainTypeInfo type, SiloRuntime runtime)
    {
        Id = id;
        Type = type;
        Runtime = runtime;
    }

    /// <summary>The activation whose grain is being constructed on this thread; read by <see cref="Grain"/>'s constructor.</summary>
    public static Activation? Constructing => _constructing;

    public GrainId Id { get; }

    public GrainTypeInfo Type { get; }

    public SiloRuntime Runtime { get; }

    public bool IsDeactivated => _status == ActivationStatus.Deactivated;

    public int QueuedCalls => Volatile.Read(ref _queuedCalls);

    public long LastActivity => Volatile.Read(ref _lastActivity);

    public long BusySince => Volatile.Read(ref _busySince);

    /// <summary>Accepts a call from a caller: refuses deadlocks and overload at once, then queues it.</summary>
    public void EnqueueCall(Request call)
    {
        ThrowIfDeadlocked(call);
        var limit = Runtime.Options.MaxQueuedRequestsPerActivation;
        if (Interlocked.Increment(ref _queuedCalls) > limit)
        {
            Interlocked.Decrement(ref _queuedCalls);
            Runtime.Metrics.Overloaded();
            throw new GrainOverloadedException(Id, limit);
        }

        call.Address(this);
        Enqueue(call);
    }

    public void Enqueue(WorkItem item)
    {
        _inbox.Enqueue(item);
        Schedule();
    }

    private void Schedule()
    {
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    public void Execute()
    {
        try
        {
            RunBatch();
        }
        catch (Exception exception)
        {
            Runtime.Log.ActivationLoopFailed(exception, Id);
        }
        finally
        {
            // Deferred requests are this thread's to inspect only while it holds the flag; the inbox is re-read after
            // releasing it because a producer that saw the flag set did not schedule. The release is a full fence so
            // that re-read cannot move ahead of it.
            var deferredRunnable = CanStartDeferred();
            Interlocked.Exchange(ref _scheduled, 0);
            if (deferredRunnable || !_inbox.IsEmpty)
            {
                Schedule();
            }
        }
    }

    private void RunBatch()
    {
        if (_status == ActivationStatus.Created)
        {
            BeginActivation();
        }

        for (var budget = TurnBudget; budget > 0; budget--)
        {
            if (_status == ActivationStatus.Deactivated)
            {
                Volatile.Read(ref _deactivated)?.TrySetResult();
                ForwardEverything();
                return;
            }

            if (_deactivationRequested is { } reason && _running is not { Count: > 0 } && _status == ActivationStatus.Valid)
            {
                BeginDeactivation(reason);
                continue;
            }

            if (CanStartDeferred())
            {
                StartTurn(_deferred!.Dequeue());
                continue;
            }

            var item = _inbox.TryDequeue();
            if (item is null)
            {
                return;
            }

            Process(item);
        }
    }

    private void Process(WorkItem item)
    {
        switch (item)
        {
            case Continuation continuation:
                RunContinuation(continuation);
                break;
            case Request { IsRunning: true } finishedAsync:
                finishedAsync.CollectAsyncOutcome();
                OnTurnCompleted(finishedAsync);
                break;
            case Request request:
                if ((_deferred is { Count: > 0 } && !request.AlwaysInterleave && !IsCallBackToRunningTurn(request)) || !CanStart(request))
                {
                    (_deferred ??= new Queue<Request>()).Enqueue(request);
                }
                else
                {
                    StartTurn(request);
                }

                break;
            case ControlSignal signal:
                Apply(signal);
                break;
        }
    }

    private bool CanStartDeferred() => _deferred is { Count: > 0 } deferred && CanStart(deferred.Peek());

    private bool CanStart(Request request)
    {
        if (_status != ActivationStatus.Valid || (_deactivationRequested is not null && request.IsCall && !IsCallBackToRunningTurn(request)))
        {
            return false;
        }

        if (_running is not { Count: > 0 } || request.AlwaysInterleave || Type.IsReentrant)
        {
            return true;
        }

        return request.IsReadOnly && _runningWriters == 0;
    }

    private void StartTurn(Request request)
    {
        if (request.IsCall)
        {
            Interlocked.Decrement(ref _queuedCalls);
        }

        if (request.Target is null)
        {
            request.Address(this);
        }

        (_running ??= new List<Request>(1)).Add(request);
        if (_running.Count == 1)
        {
            Volatile.Write(ref _busySince, Stopwatch.GetTimestamp());
        }

        if (!request.IsReadOnly)
        {
            _runningWriters++;
        }

        if (request.KeepsAlive)
        {
            Volatile.Write(ref _lastActivity, Environment.TickCount64);
        }

        if (request.Start(_grain))
        {
            OnTurnCompleted(request);
        }
    }

    private void OnTurnCompleted(Request request)
    {
        _running!.Remove(request);
        if (_running.Count == 0)
        {
            Volatile.Write(ref _busySince, 0);
        }

        if (!request.IsReadOnly)
        {
            _runningWriters--;
        }

        if (request.KeepsAlive)
        {
            Volatile.Write(ref _lastActivity, Environment.TickCount64);
        }

        switch (request)
        {
            case LifecycleTurn turn when _status == ActivationStatus.Activating:
                CompleteActivation(turn);
                break;
            case LifecycleTurn turn:
                CompleteDeactivation(turn);
                break;
            case TimerTick tick:
                if (tick.Failure is { } timerFailure)
                {
                    Runtime.Log.TimerFailed(timerFailure, Id);
                }

                tick.Timer.OnTickFinished();
                break;
        }

        if (request.Failure is InconsistentStateException)
        {
            _deactivationRequested ??= DeactivationReason.InconsistentState;
        }

        request.Finish();
        if (request.IsCall)
        {
            Runtime.Metrics.CallCompleted(request.EnqueuedAt, request.Failure is not null);
        }
    }

    private void RunContinuation(Continuation continuation)
    {
        try
        {
            continuation.Run();
        }
        catch (Exception exception)
        {
            Runtime.Log.ContinuationFailed(exception, Id);
        }
    }

    private void Apply(ControlSignal signal)
    {
        switch (signal.Signal)
        {
            case ControlSignal.Kind.Deactivate:
                _deactivationRequested ??= signal.Reason;
                break;
            case ControlSignal.Kind.CollectIfIdle when IsIdleFor(Runtime.CollectionAgeOf(Type)):
                _deactivationRequested ??= DeactivationReason.IdleCollection;
                break;
            case ControlSignal.Kind.ExpireOverdue:
                ExpireOverdue();
                break;
        }
    }

    private bool IsIdleFor(TimeSpan age) =>
        _running is not { Count: > 0 }
        && _deferred is not { Count: > 0 }
        && _status == ActivationStatus.Valid
        && Environment.TickCount64 - _lastActivity >= (long)age.TotalMilliseconds;

    private void BeginActivation()
    {
        _status = ActivationStatus.Activating;
        StartTurn(new LifecycleTurn("activate", RunActivationAsync));
    }

    private async Task RunActivationAsync()
    {
        _states = Type.CreateStates(Runtime, Id);
        _constructing = this;
        try
        {
            _grain = Type.CreateGrain(Runtime.Services, _states);
        }
        finally
        {
            _constructing = null;
        }

        foreach (var state in _states)
        {
            await state.ReadStateAsync();
        }

        if (_grain is Grain grain)
        {
            await grain.OnActivateAsync(Runtime.Stopping);
        }
    }

    private void CompleteActivation(LifecycleTurn turn)
    {
        if (turn.Failure is { } failure)
        {
            Runtime.Log.ActivationFailed(failure, Id);
            DisposeTimers();
            MarkDeactivated();
            FailQueued(failure);
            return;
        }

        _status = ActivationStatus.Valid;
        Runtime.Metrics.Activated();
    }

    private void BeginDeactivation(DeactivationReason reason)
    {
        _status = ActivationStatus.Deactivating;
        StartTurn(new LifecycleTurn("deactivate", () => RunDeactivationAsync(reason)));
    }

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        DisposeTimers();
        if (_grain is Grain grain)
        {
            await grain.OnDeactivateAsync(reason, CancellationToken.None);
        }
    }

    private void DisposeTimers()
    {
        foreach (var timer in _timers?.ToArray() ?? [])
        {
            timer.Dispose();
        }
    }

    private void CompleteDeactivation(LifecycleTurn turn)
    {
        if (turn.Failure is { } failure)
        {
            Runtime.Log.DeactivationFailed(failure, Id);
        }

        Runtime.Metrics.Deactivated();
        MarkDeactivated();
        ForwardEverything();
    }

    private void MarkDeactivated()
    {
        Runtime.Remove(this);
        _status = ActivationStatus.Deactivated;
        Volatile.Read(ref _deactivated)?.TrySetResult();
    }

    /// <summary>Hands calls that reached this activation after it ended to whichever activation now owns the key.</summary>
    private void ForwardEverything()
    {
        while (_deferred is { Count: > 0 } || !_inbox.IsEmpty)
        {
            var item = _deferred is { Count: > 0 } deferred ? deferred.Dequeue() : _inbox.TryDequeue();
            switch (item)
            {
                case Request { IsCall: true, IsPending: true } call:
                    Interlocked.Decrement(ref _queuedCalls);
                    Runtime.Forward(call);
                    break;
                case Continuation continuation:
                    RunContinuation(continuation);
                    break;
            }
        }
    }

    private void FailQueued(Exception failure)
    {
        while (_deferred is { Count: > 0 } || !_inbox.IsEmpty)
        {
            var item = _deferred is { Count: > 0 } deferred ? deferred.Dequeue() : _inbox.TryDequeue();
            switch (item)
            {
                case Request { IsCall: true, IsPending: true } call:
                    Interlocked.Decrement(ref _queuedCalls);
                    call.FailCaller(failure);
                    break;
                case Continuation continuation:
                    RunContinuation(continuation);
                    break;
            }
        }
    }

    private void ExpireOverdue()
    {
        var timeout = Runtime.Options.ResponseTimeout;
        var overdueBefore = Stopwatch.GetTimestamp() - (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var request in _running ?? [])
        {
            if (request.IsCall && request.EnqueuedAt < overdueBefore)
            {
                request.FailCaller(new GrainResponseTimeoutException(Id, request.MethodName, timeout));
            }
        }

        if (_deferred is not { Count: > 0 })
        {
            return;
        }

        var waiting = _deferred.Count;
        for (var i = 0; i < waiting; i++)
        {
            var request = _deferred.Dequeue();
            if (request.IsCall && request.EnqueuedAt < overdueBefore)
            {
                Interlocked.Decrement(ref _queuedCalls);
                request.FailCaller(new GrainResponseTimeoutException(Id, request.MethodName, timeout));
            }
            else
            {
                _deferred.Enqueue(request);
            }
        }
    }

    /// <summary>
    /// A call deadlocks when an earlier request in its own call chain is running on this activation and
    /// cannot interleave with it: that request is waiting for this very call. Raised at once instead of
    /// waiting for the response timeout.
    /// </summary>
    private void ThrowIfDeadlocked(Request call)
    {
        for (var waiting = call.Parent; waiting is not null; waiting = waiting.Parent)
        {
            if (waiting.Target == this && waiting.IsRunning && !CanInterleave(call, waiting))
            {
                var chain = new List<GrainId> { Id };
                for (var link = call.Parent; link is not null; link = link.Parent)
                {
                    chain.Add(link.Target.Id);
                }

                chain.Reverse();
                Runtime.Metrics.DeadlockDetected();
                throw new DeadlockException(chain);
            }
        }
    }

    /// <summary>
    /// Whether a turn running here is waiting, through the call chain, for this request. Such a request may not queue
    /// behind later arrivals or a pending deactivation: they wait for that turn, which waits for this request.
    /// </summary>
    private bool IsCallBackToRunningTurn(Request request)
    {
        for (var waiting = request.Parent; waiting is not null; waiting = waiting.Parent)
        {
            if (waiting.Target == this && waiting.IsRunning)
            {
                return true;
            }
        }

        return false;
    }

    private bool CanInterleave(Request call, Request waiting) =>
        Type.IsReentrant || call.AlwaysInterleave || (call.IsReadOnly && waiting.IsReadOnly);

    public void RequestDeactivation(DeactivationReason reason) => Enqueue(new ControlSignal(ControlSignal.Kind.Deactivate, reason));

    /// <summary>Deactivates and completes when the activation is gone; used by shutdown.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        var deactivated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completion = Interlocked.CompareExchange(ref _deactivated, deactivated, null) ?? deactivated;
        if (_status == ActivationStatus.Deactivated)
        {
            completion.TrySetResult();
        }

        RequestDeactivation(reason);
        return completion.Task;
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerOptions options)
    {
        var timer = new GrainTimer(this, callback, options);
        lock (_inbox)
        {
            (_timers ??= []).Add(timer);
        }

        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_inbox)
        {
            _timers?.Remove(timer);
        }
    }

    public override string ToString() => Id.ToString();
}
