using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Storage;

public interface IStampGrain : IGrainWithStringKey
{
    Task Set(string value);

    Task<string?> Get();
}

/// <summary>A stored value and nothing else: no idle collection or deactivation write to blur what storage did.</summary>
public sealed class StampGrain(Probe probe, [PersistentState("stamp")] IPersistentState<StampState> stamp) : Grain, IStampGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public async Task Set(string value)
    {
        stamp.State.Value = value;
        await stamp.WriteStateAsync();
    }

    public Task<string?> Get() => Task.FromResult(stamp.State.Value);
}
