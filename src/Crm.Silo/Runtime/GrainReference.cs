using System.Reflection;

namespace Crm.Silo.Runtime;

/// <summary>
/// The object <c>GetGrain</c> returns: a proxy that turns each interface call into a <see cref="GrainCall{TResult}"/>
/// value and sends it. It remembers the activation it last reached, so the directory is consulted only when that one is gone.
/// </summary>
public class GrainReference : DispatchProxy
{
    private SiloRuntime _runtime = null!;
    private GrainInterfaceInfo _interface = null!;
    private Activation? _activation;

    public GrainId GrainId { get; private set; }

    internal void Bind(SiloRuntime runtime, GrainInterfaceInfo grainInterface, GrainId id)
    {
        _runtime = runtime;
        _interface = grainInterface;
        GrainId = id;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _interface.Methods[targetMethod!].Call(this, args ?? []);

    internal GrainMethod MethodFor(MethodInfo method) => _interface.Methods[method];

    internal void Send(Request call)
    {
        var activation = _activation;
        if (activation is null || activation.IsDeactivated)
        {
            _activation = activation = _runtime.GetOrAddActivation(GrainId, _interface.Implementation);
        }

        activation.EnqueueCall(call);
    }

    public override string ToString() => GrainId.ToString();
}
