namespace Crm.Grains.ReadModel;

/// <summary>
/// Segment membership read from the customer rows, whose <c>segments</c> customer grains write in the same transaction
/// as their state: a count or a page is exact as of the last committed write, whatever crashed or ran concurrently.
/// </summary>
public interface ISegmentQueries
{
    Task<long> CountMembersAsync(string workspace, string segmentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> members with ids after <paramref name="afterId"/> (null: from the first), in id order.
    /// Customer ids are lower-case hex, which every collation orders alike.
    /// </summary>
    Task<SegmentMemberPage> ListMembersAsync(string workspace, string segmentId, string? afterId, int limit, CancellationToken cancellationToken = default);
}
