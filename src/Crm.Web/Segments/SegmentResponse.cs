using Crm.Grains.Segments;

namespace Crm.Web.Segments;

/// <summary>A segment as the API returns it, with how many customers' rows hold it as of the last committed write.</summary>
public sealed record SegmentResponse(
    string Id,
    string Name,
    string? Description,
    SegmentKind Kind,
    string? Rule,
    long MemberCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SegmentResponse From(SegmentDefinition segment, long memberCount) => new(
        segment.Id, segment.Name, segment.Description, segment.Kind, segment.Rule, memberCount, segment.CreatedAt, segment.UpdatedAt);
}
