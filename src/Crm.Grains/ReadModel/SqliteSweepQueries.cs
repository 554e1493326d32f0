using Microsoft.Data.Sqlite;

namespace Crm.Grains.ReadModel;

public sealed class SqliteSweepQueries(string connectionString) : ISweepQueries
{
    public Task<IReadOnlyList<string>> WorkspacesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT workspace FROM crm_stat_slots GROUP BY workspace HAVING sum(all_count) > 0 ORDER BY workspace", [], cancellationToken);

    public Task<IReadOnlyList<string>> CustomerIdsAsync(string workspace, string? afterId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id FROM crm_customers WHERE workspace = @workspace AND id > @after ORDER BY id LIMIT @limit",
            [("@workspace", workspace), ("@after", afterId ?? string.Empty), ("@limit", limit)],
            cancellationToken);

    public Task<IReadOnlyList<string>> LastHeardBetweenAsync(string workspace, DateTimeOffset from, DateTimeOffset to, string? afterId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            """
            SELECT id FROM crm_customers
            WHERE workspace = @workspace AND id > @after
              AND max(coalesce(last_contact, first_seen), coalesce(last_active, first_seen), first_seen) >= @from
              AND max(coalesce(last_contact, first_seen), coalesce(last_active, first_seen), first_seen) < @to
            ORDER BY id LIMIT @limit
            """,
            [("@workspace", workspace), ("@after", afterId ?? string.Empty), ("@from", from.ToUnixTimeMilliseconds()), ("@to", to.ToUnixTimeMilliseconds()), ("@limit", limit)],
            cancellationToken);

    private async Task<IReadOnlyList<string>> QueryAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
