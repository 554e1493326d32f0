using Crm.Grains.Nodes;
using Orleans;

namespace Crm.Grains.Segments;

/// <summary>
/// This node's copy of each workspace's membership rules, which every customer commit evaluates: read from the
/// <see cref="ISegmentCatalogGrain"/> once, then again only after the catalog broadcasts a change, the node rejoins the
/// directory, the copy reaches <see cref="NodeOptions.CacheMaxAge"/>, or a customer learns of a newer version.
/// </summary>
public sealed class MembershipRulesCache(IGrainFactory grains, NodeOptions options, TimeProvider time) : INodeListener
{
    private readonly NodeCache<MembershipRules> _rules = new(workspace => grains.GetGrain<ISegmentCatalogGrain>(workspace).GetMembershipRules(), options.CacheMaxAge, time);

    public Task<MembershipRules> GetAsync(string workspace) => _rules.GetAsync(workspace);

    /// <summary>Drops this node's copy if it is older than <paramref name="seen"/>, read from the catalog itself.</summary>
    public void Seen(string workspace, MembershipRules seen) => _rules.EvictIf(workspace, cached => cached.Version < seen.Version);

    void INodeListener.SegmentRulesChanged(string workspace) => _rules.Evict(workspace);

    void INodeListener.Registered() => _rules.Clear();
}
