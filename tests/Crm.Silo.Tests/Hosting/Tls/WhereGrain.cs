using Orleans;
using Orleans.Placement;

namespace Crm.Silo.Tests.Hosting.Tls;

/// <summary>Activated on the silo of its first caller, so a test decides where it lives and calls it from elsewhere.</summary>
[PreferLocalPlacement]
public sealed class WhereGrain : Grain, IWhereGrain
{
    public Task<string> Echo(string text) => Task.FromResult($"{text} from {GrainContext.Address.SiloAddress}");
}
