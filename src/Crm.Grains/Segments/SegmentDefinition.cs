using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>
/// A segment of one workspace. <see cref="Id"/> never changes and is never given to another segment, even after this one
/// is deleted, so memberships customers still hold cannot leak into a later segment. <see cref="Rule"/> is stored in
/// normalized form, the key compiled rules are shared by.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.SegmentDefinition")]
public sealed record SegmentDefinition
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public string? Description { get; init; }

    [Id(3)]
    public SegmentKind Kind { get; init; }

    [Id(4)]
    public string? Rule { get; init; }

    [Id(5)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(6)]
    public DateTimeOffset UpdatedAt { get; init; }
}
