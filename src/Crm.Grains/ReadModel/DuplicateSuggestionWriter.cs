using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>Duplicate suggestions agents list and act on; the same pair and identity is recorded once.</summary>
public sealed class DuplicateSuggestionWriter : IStateRowWriter
{
    public const string MemoryTable = "duplicates";

    public Type RowType => typeof(DuplicateSuggestionRow);

    public IReadOnlyList<string> Schema(SqlDialect dialect) =>
    [
        dialect == SqlDialect.Postgres
            ? """
              CREATE TABLE IF NOT EXISTS crm_duplicate_suggestions (
                  workspace text NOT NULL, customer_id text NOT NULL, other_customer_id text NOT NULL,
                  channel text NOT NULL, value text NOT NULL, at timestamptz NOT NULL,
                  PRIMARY KEY (workspace, customer_id, other_customer_id, channel, value))
              """
            : """
              CREATE TABLE IF NOT EXISTS crm_duplicate_suggestions (
                  workspace TEXT NOT NULL, customer_id TEXT NOT NULL, other_customer_id TEXT NOT NULL,
                  channel TEXT NOT NULL, value TEXT NOT NULL, at INTEGER NOT NULL,
                  PRIMARY KEY (workspace, customer_id, other_customer_id, channel, value)) WITHOUT ROWID
              """,
    ];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        foreach (DuplicateSuggestionRow row in rows)
        {
            batch.Add(
                "INSERT INTO crm_duplicate_suggestions (workspace, customer_id, other_customer_id, channel, value, at) VALUES (@workspace, @customer, @other, @channel, @value, @at) ON CONFLICT DO NOTHING",
                Sql.P("workspace", row.Workspace), Sql.P("customer", row.CustomerId), Sql.P("other", row.OtherCustomerId), Sql.P("channel", row.Channel),
                Sql.P("value", row.Value), Sql.P("at", dialect == SqlDialect.Postgres ? SqlValues.Utc(row.At) : SqlValues.Milliseconds(row.At)));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(MemoryTable);
        foreach (DuplicateSuggestionRow row in rows)
        {
            table.TryAdd($"{row.Workspace}/{row.CustomerId}/{row.OtherCustomerId}/{row.Channel}/{row.Value}", row);
        }
    }
}
