namespace Crm.Grains.Segments;

/// <summary>No segment has this id in the workspace (it never existed, or was deleted).</summary>
public sealed class SegmentNotFoundException(string segmentId) : Exception($"Segment '{segmentId}' does not exist")
{
    public string SegmentId { get; } = segmentId;
}
