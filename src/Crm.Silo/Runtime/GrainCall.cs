using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Crm.Silo.Runtime;

/// <summary>A call to a grain method: the arguments in, the result (or exception) back to the caller's awaiter.</summary>
internal sealed class GrainCall<TResult> : Request, IValueTaskSource<TResult>, IValueTaskSource
{
    private readonly GrainMethod<TResult> _method;
    private readonly object?[] _arguments;
    private ManualResetValueTaskSourceCore<TResult> _caller;
    private ConfiguredValueTaskAwaitable<TResult>.ConfiguredValueTaskAwaiter _pendingTurn;
    private Action? _signalCompleted;
    private TResult _result = default!;
    private Exception? _failure;

    public GrainCall(GrainMethod<TResult> method, object?[] arguments, Request? parent)
        : base(parent)
    {
        _method = method;
        _arguments = arguments;
        _caller.RunContinuationsAsynchronously = true;
    }

    public override string MethodName => _method.Name;

    public override bool AlwaysInterleave => _method.AlwaysInterleave;

    public override bool IsReadOnly => _method.IsReadOnly;

    public override Exception? Failure => _failure;

    public ValueTask<TResult> AsValueTask() => new(this, _caller.Version);

    public ValueTask AsVoidValueTask() => new(this, _caller.Version);

    protected override bool Invoke(object? grain)
    {
        ValueTask<TResult> turn;
        try
        {
            turn = _method.Invoker(grain!, _arguments);
        }
        catch (Exception exception)
        {
            _failure = exception;
            return true;
        }

        if (turn.IsCompletedSuccessfully)
        {
            _result = turn.Result;
            return true;
        }

        _pendingTurn = turn.ConfigureAwait(false).GetAwaiter();
        _pendingTurn.UnsafeOnCompleted(_signalCompleted ??= SignalCompleted);
        return false;
    }

    public override void CollectAsyncOutcome()
    {
        try
        {
            _result = _pendingTurn.GetResult();
        }
        catch (Exception exception)
        {
            _failure = exception;
        }

        _pendingTurn = default;
    }

    protected override void DeliverOutcome()
    {
        if (_failure is null)
        {
            _caller.SetResult(_result);
        }
        else
        {
            _caller.SetException(_failure);
        }
    }

    protected override void DeliverFailure(Exception exception) => _caller.SetException(exception);

    public TResult GetResult(short token) => _caller.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _caller.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _caller.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _caller.OnCompleted(continuation, state, token, flags);
}
