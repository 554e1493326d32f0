namespace Crm.Grains.Nodes;

/// <summary>How nodes stay in the directory, how long a broadcast may wait for one node, and how old a node's cached copy may get.</summary>
public sealed class NodeOptions
{
    /// <summary>How often a node renews its lease in the node directory.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A node that has not renewed for this long (three missed renewals and some slack) gets no more broadcasts.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>How long a writer waits for one node to acknowledge a broadcast before it logs that node and returns.</summary>
    public TimeSpan BroadcastTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The oldest a node's cached settings, membership rules or key may be: broadcasts keep caches current, and this bounds
    /// how long a node that missed one (unreachable for longer than <see cref="BroadcastTimeout"/>) keeps an old copy.
    /// </summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromSeconds(30);
}
