namespace Crm.Grains.ReadModel;

/// <summary>Reads of what customer grains keep in the read model rather than in memory: timelines and duplicate suggestions.</summary>
public interface ICustomerRecordQueries
{
    /// <summary>Timeline entries newest first, those numbered below <paramref name="beforeSequence"/> (all when null), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TimelineRow>> TimelineAsync(string workspace, string customerId, long? beforeSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The workspace's stat cards as committed: maintained by deltas in the same transactions as customer state.</summary>
    Task<StatsCounts> StatsAsync(string workspace, CancellationToken cancellationToken = default);

    /// <summary>Duplicate suggestions of the workspace, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DuplicateSuggestionRow>> DuplicateSuggestionsAsync(string workspace, int limit, CancellationToken cancellationToken = default);
}
