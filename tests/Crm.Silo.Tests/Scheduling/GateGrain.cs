using Orleans;

namespace Crm.Silo.Tests.Scheduling;

[GrainType("gate")]
public sealed class GateGrain(Gate gate) : Grain, IGateGrain
{
    private int _count;

    public Task WaitForGate() => gate.WaitAsync();

    public Task<int> Increment() => Task.FromResult(++_count);
}
