using Orleans;

namespace Crm.Grains.Nodes;

/// <summary>The registered nodes (node id → the observer's grain id): leases stay in memory, only membership is stored.</summary>
[GenerateSerializer]
[Alias("crm.NodeDirectoryState")]
public sealed class NodeDirectoryState
{
    [Id(0)]
    public Dictionary<string, string> Observers { get; set; } = [];
}
