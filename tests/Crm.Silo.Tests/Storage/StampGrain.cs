using Crm.Silo.Tests.Infrastructure;
using Orleans;
using Orleans.Runtime;

namespace Crm.Silo.Tests.Storage;

/// <summary>A stored value and nothing else, so that what the test sees is what storage did.</summary>
[GrainType("stamp")]
public sealed class StampGrain(Probe probe, [PersistentState("stamp")] IPersistentState<StampState> stamp) : Grain, IStampGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task Set(string value)
    {
        stamp.State.Value = value;
        await stamp.WriteStateAsync();
    }

    public Task<string?> Get() => Task.FromResult(stamp.State.Value);
}
