using System.Data.Common;
using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public sealed class SqlCustomerRecordQueries(SqlReader reader, SqlDialect dialect) : ICustomerRecordQueries
{
    public Task<IReadOnlyList<TimelineRow>> TimelineAsync(string workspace, string customerId, long? beforeSequence, int limit, CancellationToken cancellationToken = default) =>
        reader.QueryAsync(
            "SELECT workspace, customer_id, seq, at, kind, actor, summary FROM crm_timeline WHERE workspace = @workspace AND customer_id = @customer AND seq < @before ORDER BY seq DESC LIMIT @limit",
            [("workspace", workspace), ("customer", customerId), ("before", beforeSequence ?? long.MaxValue), ("limit", limit)],
            row => new TimelineRow(row.GetString(0), row.GetString(1), row.GetInt64(2), Instant(row, 3), row.GetString(4), row.GetString(5), row.GetString(6)),
            cancellationToken);

    public async Task<StatsCounts> StatsAsync(string workspace, CancellationToken cancellationToken = default) =>
        (await reader.QueryAsync(
            """
            SELECT CAST(sum(all_count) AS BIGINT), CAST(sum(active) AS BIGINT), CAST(sum(needs_attention) AS BIGINT), CAST(sum(sales_opportunities) AS BIGINT)
            FROM crm_stat_slots
            WHERE workspace = @workspace HAVING count(*) > 0
            """,
            [("workspace", workspace)],
            row => new StatsCounts(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3)),
            cancellationToken)).SingleOrDefault() ?? StatsCounts.Zero;

    public Task<IReadOnlyList<DuplicateSuggestionRow>> DuplicateSuggestionsAsync(string workspace, int limit, CancellationToken cancellationToken = default) =>
        reader.QueryAsync(
            "SELECT workspace, customer_id, other_customer_id, channel, value, at FROM crm_duplicate_suggestions WHERE workspace = @workspace ORDER BY at DESC, customer_id LIMIT @limit",
            [("workspace", workspace), ("limit", limit)],
            row => new DuplicateSuggestionRow(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), Instant(row, 5)),
            cancellationToken);

    private DateTimeOffset Instant(DbDataReader row, int ordinal) => dialect == SqlDialect.Postgres
        ? row.GetFieldValue<DateTimeOffset>(ordinal)
        : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));
}
