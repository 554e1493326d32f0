using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Silo.Runtime;

/// <summary>What the runtime knows of one grain class: its name, scheduling attributes, state slots and a compiled constructor.</summary>
internal sealed class GrainTypeInfo
{
    private readonly StateSlot[] _stateSlots;
    private readonly ObjectFactory _factory;

    public GrainTypeInfo(Type classType)
    {
        if (!typeof(Grain).IsAssignableFrom(classType) || classType.IsAbstract)
        {
            throw new InvalidOperationException($"{classType.Name} is not a concrete grain class deriving from Grain.");
        }

        ClassType = classType;
        Name = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true)?.Age;

        var constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{classType.Name} has no public constructor.");
        _stateSlots = constructor.GetParameters()
            .Where(parameter => parameter.GetCustomAttribute<PersistentStateAttribute>() is not null)
            .Select(StateSlot.For)
            .ToArray();
        _factory = ActivatorUtilities.CreateFactory(classType, _stateSlots.Select(slot => slot.ParameterType).ToArray());
    }

    public Type ClassType { get; }

    public string Name { get; }

    public bool IsReentrant { get; }

    public TimeSpan? CollectionAge { get; }

    public IActivationState[] CreateStates(SiloRuntime runtime, GrainId id)
    {
        if (_stateSlots.Length == 0)
        {
            return [];
        }

        var states = new IActivationState[_stateSlots.Length];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = _stateSlots[i].Create(runtime.StateStore, Name, id);
        }

        return states;
    }

    public object CreateGrain(IServiceProvider services, IActivationState[] states) =>
        _factory(services, states.Length == 0 ? null : states);

    private static string DefaultName(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
