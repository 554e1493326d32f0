using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>What an agent submits to create or change a segment; <see cref="Rule"/> only for a rule-based one.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.SegmentDraft")]
public sealed record SegmentDraft
{
    [Id(0)]
    public required string Name { get; init; }

    [Id(1)]
    public string? Description { get; init; }

    [Id(2)]
    public SegmentKind Kind { get; init; }

    [Id(3)]
    public string? Rule { get; init; }
}
