using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crm.Silo.Storage;

/// <summary>Opens a real connection to the configured store: the readiness probe and the first line of every diagnosis.</summary>
public static class StorageConnectivity
{
    public static async Task<string> DescribeServerAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        var connectionString = options.ResolveConnectionString();
        switch (options.Provider)
        {
            case StorageProviderKind.Memory:
                return "memory";
            case StorageProviderKind.Sqlite:
                SqliteRuntime.EnsureDirectoryFor(connectionString);
                await using (var connection = new SqliteConnection(connectionString))
                {
                    await connection.OpenAsync(cancellationToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "select 'sqlite ' || sqlite_version()";
                    return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
                }
            case StorageProviderKind.Postgres:
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync(cancellationToken);
                    await using var command = new NpgsqlCommand("select version()", connection);
                    return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
                }
            default:
                throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'.");
        }
    }
}
