using Microsoft.Data.Sqlite;

namespace Crm.Silo.Storage;

/// <summary>
/// Grain state in an embedded SQLite file (WAL, synchronous=FULL): the default store, no server to run.
/// One writer connection commits whole batches; reads use pooled connections beside it.
/// </summary>
public sealed class SqliteStateStorage : IStateStorage
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writerLock = new(1, 1);
    private IReadOnlyList<IStateRowWriter> _rowWriters = [];
    private SqliteConnection? _writer;

    public SqliteStateStorage(string connectionString)
    {
        SqliteRuntime.EnsureDirectoryFor(connectionString);
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
    }

    public int MaxConcurrentBatches => 1;

    /// <summary>For read-model queries that must read the file this storage writes; they open pooled connections of their own.</summary>
    public string ConnectionString => _connectionString;

    public async Task InitializeAsync(IReadOnlyList<IStateRowWriter> rowWriters, CancellationToken cancellationToken)
    {
        await _writerLock.WaitAsync(cancellationToken);
        try
        {
            _rowWriters = rowWriters;

            // One writer connection for the instance's life: initializing again reuses it rather than leaving it open behind.
            _writer ??= await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken);
            var statements = SchemaMigrations.For(SqlDialect.Sqlite).Concat(rowWriters.SelectMany(writer => writer.Schema(SqlDialect.Sqlite)));
            foreach (var statement in statements)
            {
                await using var command = new SqliteCommand(statement, _writer, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writerLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();

        // No busy timeout in SQLite itself: the bundled build lacks usleep, so its busy handler sleeps whole seconds, and a
        // writer that found another process's transaction open lost a second however short that was. Without it, a busy
        // statement returns at once and Microsoft.Data.Sqlite retries it every 150 ms for up to the command timeout (30 s).
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=0;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqliteCommand("SELECT version, payload FROM crm_grain_state WHERE grain_type = @type AND grain_key = @key", connection);
        command.Parameters.AddWithValue("@type", key.StateType);
        command.Parameters.AddWithValue("@key", key.Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string stateType, string? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(
            "SELECT grain_key FROM crm_grain_state WHERE grain_type = @type AND (@after IS NULL OR grain_key > @after) ORDER BY grain_key LIMIT @limit",
            connection);
        command.Parameters.AddWithValue("@type", stateType);
        command.Parameters.AddWithValue("@after", (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("@limit", limit);
        var keys = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public async Task<WriteOutcome[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        var writer = _writer ?? throw new InvalidOperationException("SQLite storage is not initialized.");
        await _writerLock.WaitAsync(cancellationToken);
        try
        {
            var outcomes = new WriteOutcome[writes.Count];
            var stored = new List<StateWrite>(writes.Count);
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(cancellationToken);
            var statements = new Statements(writer, transaction);
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                var applied = await statements.ApplyAsync(write, cancellationToken);
                outcomes[i] = applied ? WriteOutcome.Written(write.IsClear ? null : write.NewVersion) : WriteOutcome.Stale();
                if (applied)
                {
                    stored.Add(write);
                }
            }

            var batch = new SqliteBatch(writer, transaction);
            RowBatches.Apply(_rowWriters, stored, (rowWriter, rows) => rowWriter.Write(batch, SqlDialect.Sqlite, rows));
            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }
        finally
        {
            _writerLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _writerLock.Dispose();
    }

    /// <summary>The state statements, prepared once per batch and rebound per write.</summary>
    private sealed class Statements(SqliteConnection connection, SqliteTransaction transaction)
    {
        private SqliteCommand? _insert;
        private SqliteCommand? _update;
        private SqliteCommand? _delete;
        private SqliteCommand? _absent;

        public async Task<bool> ApplyAsync(StateWrite write, CancellationToken cancellationToken)
        {
            var command = (write.IsClear, write.ExpectedVersion) switch
            {
                // Clearing what is believed absent changes nothing, but must still see that no other writer stored a record.
                (true, null) => _absent ??= Create("SELECT 1 FROM crm_grain_state WHERE grain_type = @type AND grain_key = @key"),
                (true, _) => _delete ??= Create("DELETE FROM crm_grain_state WHERE grain_type = @type AND grain_key = @key AND version = @expected"),
                (false, null) => _insert ??= Create(
                    "INSERT INTO crm_grain_state (grain_type, grain_key, version, payload, updated_at) VALUES (@type, @key, @version, @payload, @now) ON CONFLICT (grain_type, grain_key) DO NOTHING"),
                _ => _update ??= Create(
                    "UPDATE crm_grain_state SET version = @version, payload = @payload, updated_at = @now WHERE grain_type = @type AND grain_key = @key AND version = @expected"),
            };
            Bind(command, "@type", write.Key.StateType);
            Bind(command, "@key", write.Key.Key);
            Bind(command, "@expected", write.ExpectedVersion);
            Bind(command, "@version", write.NewVersion);
            Bind(command, "@payload", write.Payload);
            Bind(command, "@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return command == _absent
                ? await command.ExecuteScalarAsync(cancellationToken) is null
                : await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        private SqliteCommand Create(string sql) => new(sql, connection, transaction);

        private static void Bind(SqliteCommand command, string name, object? value)
        {
            if (command.CommandText.Contains(name, StringComparison.Ordinal))
            {
                if (command.Parameters.Contains(name))
                {
                    command.Parameters[name].Value = value ?? DBNull.Value;
                }
                else
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }
            }
        }
    }

    /// <summary>Row writers' statements run at once on the writer connection, inside the batch's transaction.</summary>
    private sealed class SqliteBatch(SqliteConnection connection, SqliteTransaction transaction) : ISqlBatch
    {
        public void Add(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = new SqliteCommand(sql, connection, transaction);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name.StartsWith('@') ? name : "@" + name, value ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }
    }
}
