using Npgsql;

namespace Crm.Grains.ReadModel;

/// <summary>Segment membership on PostgreSQL: <c>segments @&gt; ARRAY[id]</c> uses the GIN index on the segments column.</summary>
public sealed class PostgresSegmentQueries(NpgsqlDataSource dataSource) : ISegmentQueries
{
    public async Task<long> CountMembersAsync(string workspace, string segmentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM crm_customers WHERE workspace = $1 AND segments @> ARRAY[$2]");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<SegmentMemberPage> ListMembersAsync(string workspace, string segmentId, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM crm_customers WHERE workspace = $1 AND segments @> ARRAY[$2] AND id > $3 ORDER BY id LIMIT $4");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterId ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        var ids = new List<string>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return SegmentMemberPage.From(ids, limit);
    }
}
