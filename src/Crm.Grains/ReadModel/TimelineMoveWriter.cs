using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>Applies <see cref="TimelineMove"/>s in the survivor's merge transaction; the table is the timeline writer's.</summary>
public sealed class TimelineMoveWriter : IStateRowWriter
{
    public Type RowType => typeof(TimelineMove);

    public IReadOnlyList<string> Schema(SqlDialect dialect) => [];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        foreach (TimelineMove move in rows)
        {
            batch.Add(
                "UPDATE crm_timeline SET customer_id = @to, seq = seq + @offset WHERE workspace = @workspace AND customer_id = @from",
                Sql.P("to", move.ToCustomerId), Sql.P("offset", move.SequenceOffset), Sql.P("workspace", move.Workspace), Sql.P("from", move.FromCustomerId));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(TimelineRowWriter.MemoryTable);
        foreach (TimelineMove move in rows)
        {
            var prefix = $"{move.Workspace}/{move.FromCustomerId}/";
            foreach (var (key, value) in table.Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal)).ToArray())
            {
                var entry = (TimelineRow)value with { CustomerId = move.ToCustomerId };
                entry = entry with { Sequence = entry.Sequence + move.SequenceOffset };
                table.TryRemove(key, out _);
                table[$"{move.Workspace}/{move.ToCustomerId}/{entry.Sequence:D19}"] = entry;
            }
        }
    }
}
