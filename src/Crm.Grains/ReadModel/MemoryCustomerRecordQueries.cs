using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public sealed class MemoryCustomerRecordQueries(MemoryRowStore rows) : ICustomerRecordQueries
{
    public Task<IReadOnlyList<TimelineRow>> TimelineAsync(string workspace, string customerId, long? beforeSequence, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TimelineRow>>(rows.Table(TimelineRowWriter.MemoryTable).Values
            .Cast<TimelineRow>()
            .Where(row => row.Workspace == workspace && row.CustomerId == customerId && row.Sequence < (beforeSequence ?? long.MaxValue))
            .OrderByDescending(row => row.Sequence)
            .Take(limit)
            .ToArray());

    public Task<StatsCounts> StatsAsync(string workspace, CancellationToken cancellationToken = default) =>
        Task.FromResult(rows.Table(StatsDeltaWriter.MemoryTable).TryGetValue(workspace, out var counts) ? (StatsCounts)counts : StatsCounts.Zero);

    public Task<IReadOnlyList<DuplicateSuggestionRow>> DuplicateSuggestionsAsync(string workspace, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DuplicateSuggestionRow>>(rows.Table(DuplicateSuggestionWriter.MemoryTable).Values
            .Cast<DuplicateSuggestionRow>()
            .Where(row => row.Workspace == workspace)
            .OrderByDescending(row => row.At)
            .ThenBy(row => row.CustomerId, StringComparer.Ordinal)
            .Take(limit)
            .ToArray());
}
