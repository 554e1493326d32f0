using Microsoft.Data.Sqlite;

namespace Crm.Grains.ReadModel;

/// <summary>
/// Segment membership on SQLite, where sets are stored as <c>|a|b|</c>: the delimiters make <c>vip</c> match only the
/// whole member, never <c>vip-2</c>. Reads use their own pooled connections beside the storage's writer (WAL).
/// </summary>
public sealed class SqliteSegmentQueries(string connectionString) : ISegmentQueries
{
    private const string Membership = "workspace = @workspace AND instr(segments, '|' || @segment || '|') > 0";

    public async Task<long> CountMembersAsync(string workspace, string segmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT count(*) FROM crm_customers WHERE {Membership}", workspace, segmentId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<SegmentMemberPage> ListMembersAsync(string workspace, string segmentId, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT id FROM crm_customers WHERE {Membership} AND id > @after ORDER BY id LIMIT @limit", workspace, segmentId);
        command.Parameters.AddWithValue("@after", afterId ?? string.Empty);
        command.Parameters.AddWithValue("@limit", limit + 1);
        var ids = new List<string>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return SegmentMemberPage.From(ids, limit);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string workspace, string segmentId)
    {
        var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("@workspace", workspace);
        command.Parameters.AddWithValue("@segment", segmentId);
        return command;
    }
}
