using Orleans;
using Orleans.Runtime;

namespace Crm.Bench.Runtime;

public sealed class SmallStateGrain([PersistentState("small")] IPersistentState<SmallState> state) : Grain, ISmallStateGrain
{
    public Task<int> Touch() => Task.FromResult(++state.State.Value);
}
