using Orleans;

namespace Crm.Bench.Runtime;

public sealed class NoopGrain : Grain, INoopGrain
{
    public Task Noop() => Task.CompletedTask;
}
