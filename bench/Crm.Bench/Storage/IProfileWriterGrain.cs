using Orleans;

namespace Crm.Bench.Storage;

/// <summary>A writer grain: each call replaces its profile and completes once the new state is durable.</summary>
public interface IProfileWriterGrain : IGrainWithStringKey
{
    Task Write();
}
