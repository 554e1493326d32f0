using System.Reflection;
using Crm.Silo.Storage;

namespace Crm.Silo.Runtime;

/// <summary>A <c>[PersistentState]</c> constructor parameter, and how to make its state object for one activation.</summary>
internal abstract class StateSlot(string name, Type parameterType)
{
    public string Name { get; } = name;

    public Type ParameterType { get; } = parameterType;

    public abstract IActivationState Create(StateStore store, string grainType, GrainId id);

    public static StateSlot For(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"[PersistentState] parameter '{parameter.Name}' must be an IPersistentState<T>.");
        }

        var name = parameter.GetCustomAttribute<PersistentStateAttribute>()!.StateName;
        return (StateSlot)Activator.CreateInstance(typeof(StateSlot<>).MakeGenericType(type.GetGenericArguments()[0]), name, type)!;
    }
}

internal sealed class StateSlot<TState>(string name, Type parameterType) : StateSlot(name, parameterType)
    where TState : new()
{
    public override IActivationState Create(StateStore store, string grainType, GrainId id) =>
        new PersistentState<TState>(store, new StateKey($"{grainType}.{Name}", id.Key));
}
