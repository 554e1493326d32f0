using Crm.Grains.ReadModel;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>
/// One segment's members, keyed <c>{workspace}/{segmentId}</c>. Throws <see cref="SegmentNotFoundException"/> when the
/// workspace's catalog has no such segment.
/// </summary>
/// <remarks>
/// <para>
/// Membership is the read model. Each customer grain computes its segments (<see cref="SegmentMembership.Evaluate"/>)
/// on every commit and stores them in its <c>crm_customers</c> row in the same transaction as its state, so the rows are
/// the single source of truth and this grain keeps no state: it counts and lists rows.
/// </para>
/// <para>
/// A counter moved by deltas that customers send after they commit was the alternative, and it drifts: a crash between
/// a customer's commit and its delta loses the delta, a retried delta counts twice, and a delta racing a segment's
/// creation or deletion lands on the wrong side of it. Counting rows is exact as of the last committed write at the
/// cost of a query per count, served by the index on the segments column.
/// </para>
/// </remarks>
public interface ISegmentGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<long> CountMembers();

    /// <summary>Up to <paramref name="limit"/> (1 to <see cref="SegmentMemberPage.MaxLimit"/>) member ids after <paramref name="afterCustomerId"/>, in id order.</summary>
    [ReadOnly]
    Task<SegmentMemberPage> ListMembers(string? afterCustomerId, int limit);
}
