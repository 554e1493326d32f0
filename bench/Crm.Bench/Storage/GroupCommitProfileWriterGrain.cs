using Orleans;
using Orleans.Runtime;

namespace Crm.Bench.Storage;

/// <summary>A writer on the silo's default grain storage: our group commit.</summary>
[GrainType(TypeName)]
public sealed class GroupCommitProfileWriterGrain([PersistentState(ProfileWriterGrain.StateName)] IPersistentState<ProfileState> profile) : ProfileWriterGrain(profile)
{
    public const string TypeName = "bench-profile-group-commit";
}
