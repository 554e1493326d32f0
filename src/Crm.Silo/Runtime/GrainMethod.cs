using System.Linq.Expressions;
using System.Reflection;

namespace Crm.Silo.Runtime;

/// <summary>
/// What the runtime knows of one grain interface method: its name and scheduling attributes,
/// a compiled invoker that calls it on an activation, and how to hand its result to a caller.
/// </summary>
internal abstract class GrainMethod
{
    protected GrainMethod(MethodInfo method)
    {
        Method = method;
        Name = method.Name;
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute));
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute));
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public bool AlwaysInterleave { get; }

    public bool IsReadOnly { get; }

    /// <summary>Sends the call and returns what the interface method returns: a Task or ValueTask of the result.</summary>
    public abstract object Call(GrainReference target, object?[] arguments);

    public static GrainMethod Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        var (resultType, shape) = returnType switch
        {
            _ when returnType == typeof(Task) => (typeof(VoidResult), ReturnShape.Task),
            _ when returnType == typeof(ValueTask) => (typeof(VoidResult), ReturnShape.ValueTask),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(Task<>) => (returnType.GetGenericArguments()[0], ReturnShape.Task),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(ValueTask<>) => (returnType.GetGenericArguments()[0], ReturnShape.ValueTask),
            _ => throw new InvalidOperationException(
                $"{method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}: grain methods return Task, Task<T>, ValueTask or ValueTask<T>."),
        };

        return (GrainMethod)Activator.CreateInstance(typeof(GrainMethod<>).MakeGenericType(resultType), method, shape)!;
    }
}

internal enum ReturnShape
{
    Task,
    ValueTask,
}

internal sealed class GrainMethod<TResult> : GrainMethod
{
    private readonly ReturnShape _shape;
    private readonly bool _isVoid = typeof(TResult) == typeof(VoidResult);

    public GrainMethod(MethodInfo method, ReturnShape shape)
        : base(method)
    {
        _shape = shape;
        Invoker = CompileInvoker(method);
    }

    public Func<object, object?[], ValueTask<TResult>> Invoker { get; }

    public override object Call(GrainReference target, object?[] arguments)
    {
        var call = new GrainCall<TResult>(this, arguments, SynchronizationContext.Current as Request);
        try
        {
            target.Send(call);
        }
        catch (Exception exception)
        {
            call.FailCaller(exception);
        }

        return (_isVoid, _shape) switch
        {
            (true, ReturnShape.Task) => call.AsVoidValueTask().AsTask(),
            (true, ReturnShape.ValueTask) => call.AsVoidValueTask(),
            (false, ReturnShape.Task) => call.AsValueTask().AsTask(),
            _ => call.AsValueTask(),
        };
    }

    /// <summary>Compiles <c>(grain, args) => ((IFoo)grain).Method((A0)args[0], ...)</c>, adapted to <see cref="ValueTask{TResult}"/>.</summary>
    private static Func<object, object?[], ValueTask<TResult>> CompileInvoker(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters()
            .Select((parameter, index) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(index)), parameter.ParameterType));
        Expression invocation = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);

        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            invocation = Expression.Call(typeof(InvokerAdapters).GetMethod(nameof(InvokerAdapters.FromTask))!, invocation);
        }
        else if (returnType == typeof(ValueTask))
        {
            invocation = Expression.Call(typeof(InvokerAdapters).GetMethod(nameof(InvokerAdapters.FromValueTask))!, invocation);
        }
        else if (returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            invocation = Expression.New(typeof(ValueTask<TResult>).GetConstructor([typeof(Task<TResult>)])!, invocation);
        }

        return Expression.Lambda<Func<object, object?[], ValueTask<TResult>>>(invocation, grain, arguments).Compile();
    }
}

internal static class InvokerAdapters
{
    public static ValueTask<VoidResult> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitTask(task);

    public static ValueTask<VoidResult> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitValueTask(task);

    private static async ValueTask<VoidResult> AwaitTask(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }

    private static async ValueTask<VoidResult> AwaitValueTask(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}
