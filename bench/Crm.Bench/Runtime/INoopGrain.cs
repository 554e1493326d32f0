using Orleans;

namespace Crm.Bench.Runtime;

/// <summary>A grain whose call does nothing: what is measured is the runtime's cost per call.</summary>
public interface INoopGrain : IGrainWithStringKey
{
    Task Noop();
}
