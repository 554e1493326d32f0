using Crm.Silo.Storage;

namespace Crm.Silo.Tests.Storage;

/// <summary>Stores <see cref="NoteRow"/>s in a table of their own, keyed by id, in every provider.</summary>
public sealed class NoteRowWriter : IStateRowWriter
{
    public const string Table = "test_notes";

    public Type RowType => typeof(NoteRow);

    public IReadOnlyList<string> Schema(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Postgres => [$"CREATE TABLE IF NOT EXISTS {Table} (id text PRIMARY KEY, text text NOT NULL)"],
        SqlDialect.Sqlite => [$"CREATE TABLE IF NOT EXISTS {Table} (id TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID"],
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        foreach (NoteRow row in rows)
        {
            batch.Add($"INSERT INTO {Table} (id, text) VALUES (@id, @text)", ("id", row.Id), ("text", row.Text));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(Table);
        foreach (NoteRow row in rows)
        {
            // Refuses a duplicate like the SQL tables' primary key does, so a refused batch can be tested on every provider.
            if (!table.TryAdd(row.Id, row.Text))
            {
                throw new InvalidOperationException($"Note {row.Id} is already stored.");
            }
        }
    }
}
