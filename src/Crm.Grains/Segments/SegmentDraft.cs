namespace Crm.Grains.Segments;

/// <summary>What an agent submits to create or change a segment; <see cref="Rule"/> only for a rule-based one.</summary>
public sealed record SegmentDraft
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public SegmentKind Kind { get; init; }

    public string? Rule { get; init; }
}
