using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Crm.Grains.ReadModel;
using Crm.Silo.Storage;

namespace Crm.Grains.Ingest.Idempotency;

/// <summary>
/// Looks event ids up in the ledger. Every new event needs a lookup, so lookups waiting at the same moment share one
/// query (the way writes share a commit): under load a node sends a few queries of many ids, not one query an event.
/// </summary>
public sealed class SqlAppliedEvents : IAppliedEvents, IAsyncDisposable
{
    private const int MaxIdsPerQuery = 1000;
    /// <summary>Few, so that under load each query carries many ids; one more than one, so a slow query does not stall the rest.</summary>
    private const int ConcurrentQueries = 2;

    private readonly SqlReader _reader;
    private readonly SqlDialect _dialect;
    private readonly Channel<Lookup> _pending = Channel.CreateUnbounded<Lookup>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _loops;

    public SqlAppliedEvents(SqlReader reader, SqlDialect dialect)
    {
        _reader = reader;
        _dialect = dialect;
        _loops = Enumerable.Range(0, ConcurrentQueries).Select(_ => Task.Run(AnswerLookupsAsync)).ToArray();
    }

    public Task<AppliedEvent?> FindAsync(string workspace, string eventId, DateTimeOffset since)
    {
        var lookup = new Lookup(workspace, eventId, since);
        if (!_pending.Writer.TryWrite(lookup))
        {
            throw new ObjectDisposedException(nameof(SqlAppliedEvents));
        }

        return lookup.Answer.Task;
    }

    public async Task<int> PruneAsync(string workspace, DateTimeOffset before, int limit)
    {
        var deleted = await _reader.QueryAsync(
            """
            DELETE FROM crm_applied_events WHERE (workspace, event_id) IN (
                SELECT workspace, event_id FROM crm_applied_events WHERE workspace = @workspace AND applied_at < @before LIMIT @limit)
            RETURNING 1
            """,
            [("workspace", workspace), ("before", Instant(before)), ("limit", limit)],
            _ => true,
            CancellationToken.None);
        return deleted.Count;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private async Task AnswerLookupsAsync()
    {
        var batch = new List<Lookup>();
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxIdsPerQuery && _pending.Reader.TryRead(out var lookup))
            {
                batch.Add(lookup);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                var found = await FindAllAsync(batch);
                foreach (var lookup in batch)
                {
                    lookup.Answer.TrySetResult(
                        found.TryGetValue((lookup.Workspace, lookup.EventId), out var applied) && applied.AppliedAt >= lookup.Since ? applied : null);
                }
            }
            catch (Exception failure)
            {
                foreach (var lookup in batch)
                {
                    lookup.Answer.TrySetException(failure);
                }
            }
        }
    }

    private async Task<Dictionary<(string Workspace, string EventId), AppliedEvent>> FindAllAsync(List<Lookup> batch)
    {
        var found = new Dictionary<(string, string), AppliedEvent>();
        if (_dialect == SqlDialect.Postgres)
        {
            var rows = await _reader.QueryAsync(
                """
                SELECT a.workspace, a.event_id, a.customer_id, a.applied_at
                FROM unnest(@workspaces, @events) AS wanted(workspace, event_id)
                JOIN crm_applied_events a ON a.workspace = wanted.workspace AND a.event_id = wanted.event_id
                """,
                [("workspaces", batch.Select(l => l.Workspace).ToArray()), ("events", batch.Select(l => l.EventId).ToArray())],
                Read,
                CancellationToken.None,
                prepared: true);
            Collect(found, rows);
            return found;
        }

        foreach (var workspace in batch.GroupBy(l => l.Workspace))
        {
            var rows = await _reader.QueryAsync(
                "SELECT workspace, event_id, customer_id, applied_at FROM crm_applied_events WHERE workspace = @workspace AND event_id IN (SELECT value FROM json_each(@events))",
                [("workspace", workspace.Key), ("events", JsonSerializer.Serialize(workspace.Select(l => l.EventId).ToArray(), StringArrayJson.Default.StringArray))],
                Read,
                CancellationToken.None);
            Collect(found, rows);
        }

        return found;
    }

    private static void Collect(Dictionary<(string, string), AppliedEvent> found, IReadOnlyList<(string Workspace, string EventId, AppliedEvent Applied)> rows)
    {
        foreach (var (workspace, eventId, applied) in rows)
        {
            found[(workspace, eventId)] = applied;
        }
    }

    private (string, string, AppliedEvent) Read(DbDataReader row) => (
        row.GetString(0),
        row.GetString(1),
        new AppliedEvent(
            row.GetString(2),
            _dialect == SqlDialect.Postgres ? row.GetFieldValue<DateTimeOffset>(3) : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(3))));

    private object Instant(DateTimeOffset value) => _dialect == SqlDialect.Postgres ? SqlValues.Utc(value) : SqlValues.Milliseconds(value)!;

    private sealed record Lookup(string Workspace, string EventId, DateTimeOffset Since)
    {
        public TaskCompletionSource<AppliedEvent?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
