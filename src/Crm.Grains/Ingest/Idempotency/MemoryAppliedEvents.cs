using Crm.Silo.Storage;

namespace Crm.Grains.Ingest.Idempotency;

public sealed class MemoryAppliedEvents(MemoryRowStore store) : IAppliedEvents
{
    public Task<AppliedEvent?> FindAsync(string workspace, string eventId, DateTimeOffset since) =>
        Task.FromResult(
            store.Table(AppliedEventWriter.MemoryTable).TryGetValue(AppliedEventWriter.MemoryKey(workspace, eventId), out var stored)
            && stored is AppliedEventRow row && row.AppliedAt >= since
                ? new AppliedEvent(row.CustomerId, row.AppliedAt)
                : null);

    public Task<int> PruneAsync(string workspace, DateTimeOffset before, int limit)
    {
        var table = store.Table(AppliedEventWriter.MemoryTable);
        var expired = table
            .Where(entry => entry.Value is AppliedEventRow row && row.Workspace == workspace && row.AppliedAt < before)
            .Take(limit)
            .Select(entry => entry.Key)
            .ToArray();
        return Task.FromResult(expired.Count(key => table.TryRemove(key, out _)));
    }
}
