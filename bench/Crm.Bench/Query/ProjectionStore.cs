using System.Data.Common;
using Crm.Grains.ReadModel;
using Crm.Silo.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crm.Bench.Query;

/// <summary>
/// A database holding the customer list's table, filled by the engine's own <see cref="CustomerRowWriter"/> (its DDL and
/// its insert statements, batch by batch) and queried by the engine's own <see cref="SqlCustomerListQueries"/>.
/// Indexes are built after the load, as a restore would; then the planner's statistics are refreshed.
/// </summary>
public sealed class ProjectionStore : IAsyncDisposable
{
    private readonly CustomerRowWriter _writer = new();
    private readonly Func<Task<DbConnection>> _open;
    private readonly NpgsqlDataSource? _postgres;
    private readonly SqlReader _reader;

    private ProjectionStore(SqlDialect dialect, Func<Task<DbConnection>> open, NpgsqlDataSource? postgres, SqlReader reader)
    {
        Dialect = dialect;
        _open = open;
        _postgres = postgres;
        _reader = reader;
        Queries = new SqlCustomerListQueries(reader, dialect);
    }

    public SqlDialect Dialect { get; }

    public SqlCustomerListQueries Queries { get; }

    public static ProjectionStore Postgres(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return new ProjectionStore(SqlDialect.Postgres, async () => await dataSource.OpenConnectionAsync(), dataSource, SqlReader.ForPostgres(dataSource));
    }

    public static ProjectionStore Sqlite(string path)
    {
        var connectionString = $"Data Source={path}";
        return new ProjectionStore(SqlDialect.Sqlite, async () =>
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        }, null, SqlReader.ForSqlite(connectionString));
    }

    public async Task CreateTableAsync()
    {
        if (Dialect == SqlDialect.Sqlite)
        {
            await ExecuteAsync(["PRAGMA journal_mode=WAL"]);
        }

        await ExecuteAsync(_writer.Schema(Dialect).Where(statement => !IsIndex(statement)));
    }

    public async Task CreateIndexesAsync()
    {
        await ExecuteAsync(_writer.Schema(Dialect).Where(IsIndex));
        await ExecuteAsync([Dialect == SqlDialect.Postgres ? "VACUUM ANALYZE crm_customers" : "ANALYZE"]);
    }

    /// <summary>One transaction per batch of rows, with exactly the statements a group commit of those customers would run.</summary>
    public async Task WriteAsync(IReadOnlyList<CustomerRow> rows)
    {
        await using var connection = await _open();
        await using var transaction = await connection.BeginTransactionAsync();
        var batch = new CommandBatch(connection, transaction);
        _writer.Write(batch, Dialect, rows.Cast<object>().ToList());
        await batch.ExecuteAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Runs one statement and returns its rows; for the EXPLAIN and cursor look-ups around the measurements.</summary>
    public Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyList<(string Name, object Value)> parameters) =>
        _reader.QueryAsync(sql, parameters, ValuesOf, CancellationToken.None);

    private static object?[] ValuesOf(DbDataReader reader)
    {
        var row = new object?[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Indexes, and SQLite's search index with its triggers: created after the load, so the load time includes filling it as a first start on an older store does.</summary>
    private static bool IsIndex(string statement) =>
        statement.TrimStart().StartsWith("CREATE INDEX", StringComparison.OrdinalIgnoreCase) || statement.Contains("crm_customer_search", StringComparison.Ordinal);

    private async Task ExecuteAsync(IEnumerable<string> statements)
    {
        await using var connection = await _open();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The row writer's statements, run in order inside the batch's transaction.</summary>
    private sealed class CommandBatch(DbConnection connection, DbTransaction transaction) : ISqlBatch
    {
        private readonly List<DbCommand> _commands = [];

        public void Add(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name.TrimStart('@');
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            _commands.Add(command);
        }

        public async Task ExecuteAsync()
        {
            foreach (var command in _commands)
            {
                await command.ExecuteNonQueryAsync();
                await command.DisposeAsync();
            }
        }
    }
}
