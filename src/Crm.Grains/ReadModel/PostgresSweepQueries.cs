using Npgsql;

namespace Crm.Grains.ReadModel;

public sealed class PostgresSweepQueries(NpgsqlDataSource dataSource) : ISweepQueries
{
    public async Task<IReadOnlyList<string>> WorkspacesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT workspace FROM crm_stat_slots GROUP BY workspace HAVING sum(all_count) > 0 ORDER BY workspace");
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> CustomerIdsAsync(string workspace, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM crm_customers WHERE workspace = $1 AND id > $2 ORDER BY id LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterId ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> LastHeardBetweenAsync(string workspace, DateTimeOffset from, DateTimeOffset to, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id FROM crm_customers
            WHERE workspace = $1 AND greatest(last_contact, last_active, first_seen) >= $2 AND greatest(last_contact, last_active, first_seen) < $3 AND id > $4
            ORDER BY id LIMIT $5
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspace });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterId ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadIdsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
