using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Nodes;

/// <summary>A node holding a current lease in the node directory, and where its broadcasts go.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.LiveNode")]
public sealed record LiveNode([property: Id(0)] string NodeId, [property: Id(1)] INodeObserver Observer);
