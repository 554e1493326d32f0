using Npgsql;

namespace Crm.Bench.Infrastructure;

/// <summary>A database of its own on the PostgreSQL server named by <c>ConnectionStrings__Crm</c>, dropped at the end of the suite.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;
    private readonly bool _keep;

    private BenchDatabase(string server, string name, string connectionString, bool keep)
    {
        _server = server;
        _name = name;
        _keep = keep;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>CPU of this process and of the backends serving this database.</summary>
    public CpuMeter Cpu() => new(_server, _name);

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Crm") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("ConnectionStrings__Crm is not set: start PostgreSQL with scripts/postgres.sh start and export its connection string.");

    /// <param name="keep">Leave the database in place at the end (its name is printed), to look into it by hand.</param>
    public static async Task<BenchDatabase> CreateAsync(string purpose, bool keep = false)
    {
        var server = ServerConnectionString();
        var name = $"crm_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(server, name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, keep);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_keep)
        {
            Spectre.Console.AnsiConsole.MarkupLine($"kept database [blue]{_name}[/]");
            return;
        }

        // An autovacuum worker on the database (run as the superuser) makes the forced drop fail: it is gone a moment later.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (attempt < 10)
            {
                Spectre.Console.AnsiConsole.MarkupLine($"[grey]dropping {_name}: {Spectre.Console.Markup.Escape(exception.MessageText)}; retrying[/]");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
