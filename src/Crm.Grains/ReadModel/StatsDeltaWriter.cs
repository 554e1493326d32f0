using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>
/// The stat cards: one row per workspace moved by the deltas of a batch, summed first so a batch touches each
/// workspace's row once, in workspace order so concurrent batches lock rows in the same order.
/// </summary>
public sealed class StatsDeltaWriter : IStateRowWriter
{
    public const string MemoryTable = "stats";

    public Type RowType => typeof(StatsDelta);

    public IReadOnlyList<string> Schema(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS crm_stats (
            workspace TEXT NOT NULL PRIMARY KEY,
            all_count BIGINT NOT NULL, active BIGINT NOT NULL, needs_attention BIGINT NOT NULL, sales_opportunities BIGINT NOT NULL)
        """,
    ];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        const string Upsert = """
            INSERT INTO crm_stats (workspace, all_count, active, needs_attention, sales_opportunities) VALUES (@workspace, @all, @active, @attention, @opportunities)
            ON CONFLICT (workspace) DO UPDATE SET
                all_count = crm_stats.all_count + excluded.all_count,
                active = crm_stats.active + excluded.active,
                needs_attention = crm_stats.needs_attention + excluded.needs_attention,
                sales_opportunities = crm_stats.sales_opportunities + excluded.sales_opportunities
            """;
        foreach (var delta in Summed(rows))
        {
            batch.Add(
                Upsert,
                Sql.P("workspace", delta.Workspace), Sql.P("all", (long)delta.All), Sql.P("active", (long)delta.Active),
                Sql.P("attention", (long)delta.NeedsAttention), Sql.P("opportunities", (long)delta.SalesOpportunities));
        }
    }

    public void Write(MemoryRowStore store, IReadOnlyList<object> rows)
    {
        var table = store.Table(MemoryTable);
        foreach (var delta in Summed(rows))
        {
            table.AddOrUpdate(delta.Workspace, _ => StatsCounts.Zero.Add(delta), (_, counts) => ((StatsCounts)counts).Add(delta));
        }
    }

    private static IEnumerable<StatsDelta> Summed(IReadOnlyList<object> rows) =>
        rows.Cast<StatsDelta>()
            .GroupBy(delta => delta.Workspace, StringComparer.Ordinal)
            .Select(group => new StatsDelta(group.Key, group.Sum(d => d.All), group.Sum(d => d.Active), group.Sum(d => d.NeedsAttention), group.Sum(d => d.SalesOpportunities)))
            .Where(delta => !delta.IsZero)
            .OrderBy(delta => delta.Workspace, StringComparer.Ordinal);
}
