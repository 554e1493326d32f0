using Crm.Grains.Segments;

namespace Crm.Web.Segments;

/// <summary>
/// A segment as the API returns it, with how many customers' rows hold it as of the last committed write, and whether
/// a rule segment's members are still being evaluated after a segment change (the count then still moves).
/// </summary>
public sealed record SegmentResponse(
    string Id,
    string Name,
    string? Description,
    SegmentKind Kind,
    string? Rule,
    long MemberCount,
    bool MembersEvaluating,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SegmentResponse From(SegmentDefinition segment, long memberCount, bool evaluating) => new(
        segment.Id, segment.Name, segment.Description, segment.Kind, segment.Rule, memberCount,
        evaluating && segment.Kind == SegmentKind.Rule, segment.CreatedAt, segment.UpdatedAt);
}
