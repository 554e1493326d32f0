using Orleans;

namespace Crm.Grains.ReadModel;

/// <summary>
/// One page of a segment's members in customer id order; <see cref="NextAfter"/> is the id to pass for the next page,
/// null on the last page.
/// </summary>
[GenerateSerializer]
[Alias("crm.SegmentMemberPage")]
public sealed record SegmentMemberPage(IReadOnlyList<string> CustomerIds, string? NextAfter)
{
    public const int MaxLimit = 500;

    /// <summary>A page from up to <paramref name="limit"/> + 1 ids read in order: the extra one only tells that more follow.</summary>
    public static SegmentMemberPage From(IReadOnlyList<string> ids, int limit) =>
        ids.Count > limit ? new SegmentMemberPage(ids.Take(limit).ToArray(), ids[limit - 1]) : new SegmentMemberPage(ids, null);
}
