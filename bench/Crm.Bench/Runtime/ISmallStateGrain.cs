using Orleans;

namespace Crm.Bench.Runtime;

/// <summary>A grain with one small persistent state: its first call is an activation, state read included.</summary>
public interface ISmallStateGrain : IGrainWithStringKey
{
    Task<int> Touch();
}
