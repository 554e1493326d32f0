using Orleans;

namespace Crm.Grains.Segments;

/// <summary>No segment has this id in the workspace (it never existed, or was deleted).</summary>
[GenerateSerializer]
[Alias("crm.SegmentNotFoundException")]
public sealed class SegmentNotFoundException(string segmentId) : Exception($"Segment '{segmentId}' does not exist")
{
    [Id(0)]
    public string SegmentId { get; private init; } = segmentId;
}
