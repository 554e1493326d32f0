using Orleans;

namespace Crm.Grains.Segments;

/// <summary>What a segment catalog persists.</summary>
[GenerateSerializer]
[Alias("crm.SegmentCatalogState")]
public sealed class SegmentCatalogState
{
    /// <summary>In creation order.</summary>
    [Id(0)]
    public List<SegmentDefinition> Segments { get; set; } = [];

    /// <summary>Ids of deleted segments: kept so that no new segment takes one over.</summary>
    [Id(1)]
    public List<string> RetiredIds { get; set; } = [];

    /// <summary>Raised on every change, so a customer can tell whether the rules it last evaluated are still current.</summary>
    [Id(2)]
    public long Version { get; set; }

    /// <summary>The <see cref="Version"/> of the last change that can move customers in or out of segments.</summary>
    [Id(3)]
    public long MembershipVersion { get; set; }
}
