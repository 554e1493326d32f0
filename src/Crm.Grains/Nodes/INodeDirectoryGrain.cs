using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Nodes;

/// <summary>
/// The cluster's nodes, each holding a lease it renews (one grain, keyed <see cref="NodeDirectoryGrain.Key"/>). A node
/// that stops renewing drops out when its lease expires, so broadcasts never wait on it again.
/// </summary>
public interface INodeDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the node or extends its lease to <paramref name="lease"/> from now. True when the node was not registered
    /// (first start, or its lease had expired): it may have missed broadcasts and must drop what it cached.
    /// </summary>
    Task<bool> Renew(string nodeId, INodeObserver observer, TimeSpan lease);

    /// <summary>Removes a node that is shutting down.</summary>
    Task Leave(string nodeId);

    /// <summary>The nodes whose lease has not expired.</summary>
    [ReadOnly]
    Task<IReadOnlyList<LiveNode>> LiveNodes();
}
