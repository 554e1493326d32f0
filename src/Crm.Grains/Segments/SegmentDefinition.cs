namespace Crm.Grains.Segments;

/// <summary>
/// A segment of one workspace. <see cref="Id"/> never changes and is never given to another segment, even after this one
/// is deleted, so memberships customers still hold cannot leak into a later segment. <see cref="Rule"/> is stored in
/// normalized form, the key compiled rules are shared by.
/// </summary>
public sealed record SegmentDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public SegmentKind Kind { get; init; }

    public string? Rule { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
