using System.Collections.Concurrent;
using Orleans;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>Counts the calls every silo it is added to receives, by interface and method ("IWorkspaceGrain.GetSettings").</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int this[string method] => _calls.GetValueOrDefault(method);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate($"{context.InterfaceMethod?.DeclaringType?.Name}.{context.MethodName}", 1, (_, count) => count + 1);
        return context.Invoke();
    }
}
