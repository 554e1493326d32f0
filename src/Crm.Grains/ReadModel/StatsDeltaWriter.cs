using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>
/// The stat cards: per workspace, counters spread over <see cref="Slots"/> rows that a batch moves by its summed deltas,
/// one row per workspace, in workspace order so concurrent batches lock rows in the same order. A single row per
/// workspace held every committing transaction in line behind the one before it until that one's commit was durable
/// (a profile of saturated ingest showed the card update waiting 150 ms a call, and commits one at a time); with the
/// row picked at random, concurrent batches rarely meet. A card is the sum of its workspace's rows.
/// </summary>
public sealed class StatsDeltaWriter : IStateRowWriter
{
    public const string MemoryTable = "stats";

    /// <summary>Rows per workspace: enough that the group committer's concurrent batches, from a few nodes, seldom pick the same one.</summary>
    public const int Slots = 64;

    public Type RowType => typeof(StatsDelta);

    /// <summary>A slot row moved by the counts of the row that would have been inserted.</summary>
    private const string AddExcluded = """
        all_count = crm_stat_slots.all_count + excluded.all_count,
        active = crm_stat_slots.active + excluded.active,
        needs_attention = crm_stat_slots.needs_attention + excluded.needs_attention,
        sales_opportunities = crm_stat_slots.sales_opportunities + excluded.sales_opportunities
        """;

    /// <summary>
    /// The first schema kept one row per workspace in <c>crm_stats</c>; its counts are added to slot 0 and the table goes.
    /// The old table is created first (empty on a new store) so that the same statements run on every start. Nodes of a
    /// release before this one must all be stopped before the first node of this one starts: they write that table.
    /// </summary>
    public IReadOnlyList<string> Schema(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS crm_stat_slots (
            workspace TEXT NOT NULL, slot INTEGER NOT NULL,
            all_count BIGINT NOT NULL, active BIGINT NOT NULL, needs_attention BIGINT NOT NULL, sales_opportunities BIGINT NOT NULL,
            PRIMARY KEY (workspace, slot))
        """,
        """
        CREATE TABLE IF NOT EXISTS crm_stats (
            workspace TEXT NOT NULL PRIMARY KEY,
            all_count BIGINT NOT NULL, active BIGINT NOT NULL, needs_attention BIGINT NOT NULL, sales_opportunities BIGINT NOT NULL)
        """,
        $"""
        INSERT INTO crm_stat_slots (workspace, slot, all_count, active, needs_attention, sales_opportunities)
        SELECT workspace, 0, all_count, active, needs_attention, sales_opportunities FROM crm_stats WHERE true
        ON CONFLICT (workspace, slot) DO UPDATE SET {AddExcluded}
        """,
        "DROP TABLE crm_stats",
    ];

    public void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows)
    {
        const string Upsert = $"""
            INSERT INTO crm_stat_slots (workspace, slot, all_count, active, needs_attention, sales_opportunities)
            VALUES (@workspace, @slot, @all, @active, @attention, @opportunities)
            ON CONFLICT (workspace, slot) DO UPDATE SET {AddExcluded}
            """;
        var slot = Random.Shared.Next(Slots);
        foreach (var delta in Summed(rows))
        {
            batch.Add(
                Upsert,
                Sql.P("workspace", delta.Workspace), Sql.P("slot", slot), Sql.P("all", (long)delta.All), Sql.P("active", (long)delta.Active),
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
