using Crm.Grains.ReadModel;
using Crm.Silo.Storage;

namespace Crm.Grains.Ingest.Idempotency;

/// <summary>
/// Stores applied event ids with the state that applied them. An id seen again after its window (not yet pruned) takes the
/// new customer and time, so the window restarts from the new application.
/// </summary>
public sealed class AppliedEventWriter : IStateRowWriter
{
    public const string MemoryTable = "applied-events";

    public Type RowType => typeof(AppliedEventRow);

    public IReadOnlyList<string> Schema(SqlDialect dialect) => dialect == SqlDialect.Postgres
        ?
        [
            """
            CREATE TABLE IF NOT EXISTS crm_applied_events (
                workspace text NOT NULL, event_id text NOT NULL, customer_id text NOT NULL, applied_at timestamptz NOT NULL,
                PRIMARY KEY (workspace, event_id))
            """,
            "CREATE INDEX IF NOT EXISTS crm_applied_events_age ON crm_applied_events (workspace, applied_at)",
        ]
        :
        [
            """
            CREATE TABLE IF NOT EXISTS crm_applied_events (
                workspace TEXT NOT NULL, event_id TEXT NOT NULL, customer_id TEXT NOT NULL, applied_at INTEGER NOT NULL,
                PRIMARY KEY (workspace, event_id)) WITHOUT ROWID
            """,
            "CREATE INDEX IF NOT EXISTS crm_applied_events_age ON crm_applied_events (workspace, applied_at)",
        ];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        var applied = rows.Cast<AppliedEventRow>().ToArray();
        if (dialect == SqlDialect.Postgres)
        {
            // One statement for the whole batch; DISTINCT ON because one statement may not update a row twice, and two
            // customers of a batch could carry one id (an adapter that reused it).
            batch.Add(
                """
                INSERT INTO crm_applied_events (workspace, event_id, customer_id, applied_at)
                SELECT DISTINCT ON (workspace, event_id) * FROM unnest(@workspace, @event, @customer, @at) AS a(workspace, event_id, customer_id, applied_at)
                ON CONFLICT (workspace, event_id) DO UPDATE SET customer_id = excluded.customer_id, applied_at = excluded.applied_at
                """,
                Sql.P("workspace", applied.Select(a => a.Workspace).ToArray()),
                Sql.P("event", applied.Select(a => a.EventId).ToArray()),
                Sql.P("customer", applied.Select(a => a.CustomerId).ToArray()),
                Sql.P("at", applied.Select(a => SqlValues.Utc(a.AppliedAt)).ToArray()));
            return;
        }

        foreach (var row in applied)
        {
            batch.Add(
                """
                INSERT INTO crm_applied_events (workspace, event_id, customer_id, applied_at) VALUES (@workspace, @event, @customer, @at)
                ON CONFLICT (workspace, event_id) DO UPDATE SET customer_id = excluded.customer_id, applied_at = excluded.applied_at
                """,
                Sql.P("workspace", row.Workspace), Sql.P("event", row.EventId), Sql.P("customer", row.CustomerId), Sql.P("at", SqlValues.Milliseconds(row.AppliedAt)));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(MemoryTable);
        foreach (AppliedEventRow row in rows)
        {
            table[MemoryKey(row.Workspace, row.EventId)] = row;
        }
    }

    public static string MemoryKey(string workspace, string eventId) => $"{workspace}\u001f{eventId}";
}
