namespace Crm.Grains.Segments;

/// <summary>What a segment catalog persists.</summary>
public sealed class SegmentCatalogState
{
    /// <summary>In creation order.</summary>
    public List<SegmentDefinition> Segments { get; set; } = [];

    /// <summary>Ids of deleted segments: kept so that no new segment takes one over.</summary>
    public List<string> RetiredIds { get; set; } = [];

    /// <summary>Raised on every change, so a customer can tell whether the rules it last evaluated are still current.</summary>
    public long Version { get; set; }

    /// <summary>The <see cref="Version"/> of the last change that can move customers in or out of segments.</summary>
    public long MembershipVersion { get; set; }
}
