using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>Customers' timelines: append-only, keyed by customer and sequence, so a retried batch inserts nothing twice.</summary>
public sealed class TimelineRowWriter : IStateRowWriter
{
    public const string MemoryTable = "timeline";

    public Type RowType => typeof(TimelineRow);

    public IReadOnlyList<string> Schema(SqlDialect dialect) => dialect == SqlDialect.Postgres
        ?
        [
            """
            CREATE TABLE IF NOT EXISTS crm_timeline (
                workspace text NOT NULL, customer_id text NOT NULL, seq bigint NOT NULL,
                at timestamptz NOT NULL, kind text NOT NULL, actor text NOT NULL, summary text NOT NULL,
                PRIMARY KEY (workspace, customer_id, seq))
            """,
        ]
        :
        [
            """
            CREATE TABLE IF NOT EXISTS crm_timeline (
                workspace TEXT NOT NULL, customer_id TEXT NOT NULL, seq INTEGER NOT NULL,
                at INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, summary TEXT NOT NULL,
                PRIMARY KEY (workspace, customer_id, seq)) WITHOUT ROWID
            """,
        ];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        var entries = rows.Cast<TimelineRow>().ToArray();
        if (dialect == SqlDialect.Postgres)
        {
            batch.Add(
                """
                INSERT INTO crm_timeline (workspace, customer_id, seq, at, kind, actor, summary)
                SELECT * FROM unnest(@workspace, @customer, @seq, @at, @kind, @actor, @summary)
                ON CONFLICT DO NOTHING
                """,
                Sql.P("workspace", entries.Select(e => e.Workspace).ToArray()),
                Sql.P("customer", entries.Select(e => e.CustomerId).ToArray()),
                Sql.P("seq", entries.Select(e => e.Sequence).ToArray()),
                Sql.P("at", entries.Select(e => SqlValues.Utc(e.At)).ToArray()),
                Sql.P("kind", entries.Select(e => e.Kind).ToArray()),
                Sql.P("actor", entries.Select(e => e.Actor).ToArray()),
                Sql.P("summary", entries.Select(e => e.Summary).ToArray()));
            return;
        }

        foreach (var entry in entries)
        {
            batch.Add(
                "INSERT INTO crm_timeline (workspace, customer_id, seq, at, kind, actor, summary) VALUES (@workspace, @customer, @seq, @at, @kind, @actor, @summary) ON CONFLICT DO NOTHING",
                Sql.P("workspace", entry.Workspace), Sql.P("customer", entry.CustomerId), Sql.P("seq", entry.Sequence),
                Sql.P("at", SqlValues.Milliseconds(entry.At)), Sql.P("kind", entry.Kind), Sql.P("actor", entry.Actor), Sql.P("summary", entry.Summary));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(MemoryTable);
        foreach (TimelineRow row in rows)
        {
            table.TryAdd($"{row.Workspace}/{row.CustomerId}/{row.Sequence:D19}", row);
        }
    }
}
