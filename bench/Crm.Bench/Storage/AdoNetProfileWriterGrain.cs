using Orleans;
using Orleans.Runtime;

namespace Crm.Bench.Storage;

/// <summary>A writer on Orleans' own ADO.NET grain storage, registered under <see cref="StorageName"/>.</summary>
[GrainType(TypeName)]
public sealed class AdoNetProfileWriterGrain([PersistentState(ProfileWriterGrain.StateName, AdoNetProfileWriterGrain.StorageName)] IPersistentState<ProfileState> profile) : ProfileWriterGrain(profile)
{
    public const string TypeName = "bench-profile-adonet";
    public const string StorageName = "adonet";
}
