namespace Crm.Grains.Ingest.Idempotency;

/// <summary>
/// The ledger of applied event ids, one row per (workspace, event id), written by customers with their state. It holds a
/// window's ids for every customer, which grain state could not: a customer's memory stays bounded however busy it is.
/// </summary>
public interface IAppliedEvents
{
    /// <summary>The customer that applied <paramref name="eventId"/> at or after <paramref name="since"/>, or null.</summary>
    Task<AppliedEvent?> FindAsync(string workspace, string eventId, DateTimeOffset since);

    /// <summary>Deletes the workspace's ids applied before <paramref name="before"/>, at most <paramref name="limit"/>; returns how many went.</summary>
    Task<int> PruneAsync(string workspace, DateTimeOffset before, int limit);
}
