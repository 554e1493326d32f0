using Crm.Silo.Runtime;

namespace Crm.Bench.Runtime;

/// <summary>
/// What a generated proxy would be: a class implementing the interface that hands the call to the same
/// <see cref="GrainMethod"/> path without DispatchProxy's reflection hop. Measured to price the proxy choice.
/// </summary>
internal sealed class DirectNoopProxy(GrainReference reference) : INoopGrain
{
    private static readonly System.Reflection.MethodInfo NoopMethod = typeof(INoopGrain).GetMethod(nameof(INoopGrain.Noop))!;
    private readonly GrainMethod _noop = reference.MethodFor(NoopMethod);

    public Task Noop() => (Task)_noop.Call(reference, []);
}
