using Crm.Grains.Merge;
using Npgsql;

namespace Crm.Web.Tests.Durability;

/// <summary>
/// Reads grain state straight from PostgreSQL (<c>crm_grain_state</c>, keyed by grain type and state name): what a crash
/// left behind, before any activation has touched it.
/// </summary>
public static class StoredGrains
{
    /// <summary>The phase every stored merge record of the workspace is in.</summary>
    public static async Task<IReadOnlyList<MergePhase>> MergePhasesAsync(string connectionString, string workspace)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (payload->>'phase')::int FROM crm_grain_state WHERE grain_type = 'merge.merge' AND grain_key LIKE @prefix", connection);
        command.Parameters.AddWithValue("prefix", workspace + "/%");
        await using var reader = await command.ExecuteReaderAsync();
        var phases = new List<MergePhase>();
        while (await reader.ReadAsync())
        {
            phases.Add((MergePhase)reader.GetInt32(0));
        }

        return phases;
    }

    /// <summary>The customer an identity grain says owns <paramref name="normalizedValue"/> on <paramref name="channel"/>.</summary>
    public static async Task<string?> IdentityOwnerAsync(string connectionString, string workspace, string channel, string normalizedValue)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload->>'ownerId' FROM crm_grain_state WHERE grain_type = 'identity.identity' AND grain_key = @key", connection);
        command.Parameters.AddWithValue("key", $"{workspace}/{channel}/{normalizedValue}");
        return await command.ExecuteScalarAsync() as string;
    }
}
