using Npgsql;

namespace Crm.Testing;

/// <summary>
/// A fresh PostgreSQL database per test class on the server named by <c>ConnectionStrings__Crm</c>,
/// dropped afterwards. Fails, never skips, when the server is unreachable.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "ConnectionStrings__Crm";

    private readonly string _name = $"crm_test_{Guid.NewGuid():N}";
    private string? _serverConnectionString;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run ./test.sh, which starts PostgreSQL and sets it, or start PostgreSQL yourself and export {EnvironmentVariable}.");
        }

        try
        {
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException exception)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is unreachable through {EnvironmentVariable}: {exception.Message}. Run ./test.sh, which starts a private cluster on 127.0.0.1.",
                exception);
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_serverConnectionString is null || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // FORCE may not terminate an autovacuum worker busy in the database after heavy writes; a plain DROP asks it
            // to stop and waits, once our own sessions (a killed service's among them) are gone.
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND usename = current_user AND pid <> pg_backend_pid()",
                connection);
            terminate.Parameters.AddWithValue("name", _name);
            await terminate.ExecuteNonQueryAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
