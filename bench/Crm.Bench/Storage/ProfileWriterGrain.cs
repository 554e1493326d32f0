using Orleans;
using Orleans.Runtime;

namespace Crm.Bench.Storage;

/// <summary>
/// Rewrites its profile on every call through <see cref="IPersistentState{TState}"/>, ETag checked, as the service's
/// grains write theirs. Subclasses differ only in the grain storage they name.
/// </summary>
public abstract class ProfileWriterGrain(IPersistentState<ProfileState> profile) : Grain, IProfileWriterGrain
{
    public const string StateName = "profile";

    private long _writes;

    public Task Write()
    {
        profile.State = ProfileState.Sample(this.GetPrimaryKeyString(), ++_writes);
        return profile.WriteStateAsync();
    }
}
