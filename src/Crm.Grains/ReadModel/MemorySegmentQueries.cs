using Crm.Grains.Customers;
using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>Segment membership over the memory provider's customer rows (keyed <c>{workspace}/{id}</c>).</summary>
public sealed class MemorySegmentQueries(MemoryRowStore rows) : ISegmentQueries
{
    public Task<long> CountMembersAsync(string workspace, string segmentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Members(workspace, segmentId).LongCount());

    public Task<SegmentMemberPage> ListMembersAsync(string workspace, string segmentId, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        var ids = Members(workspace, segmentId)
            .Select(customer => customer.Id)
            .Where(id => afterId is null || string.CompareOrdinal(id, afterId) > 0)
            .Order(StringComparer.Ordinal)
            .Take(limit + 1)
            .ToArray();
        return Task.FromResult(SegmentMemberPage.From(ids, limit));
    }

    private IEnumerable<CustomerSnapshot> Members(string workspace, string segmentId)
    {
        var prefix = workspace + "/";
        return rows.Table(CustomerRowWriter.MemoryTable)
            .Where(row => row.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(row => (CustomerSnapshot)row.Value)
            .Where(customer => customer.Segments.Contains(segmentId));
    }
}
