using Npgsql;
using NpgsqlTypes;

namespace Crm.Silo.Storage;

/// <summary>
/// Grain state in PostgreSQL. A batch is one transaction and one round trip before the commit: set-based insert,
/// update and delete statements over arrays check every expected version at once, and the row writers' statements
/// ride in the same <see cref="NpgsqlBatch"/>. A stale write is dropped and the rest retried, so it fails alone.
/// </summary>
public sealed class PostgresStateStorage : IStateStorage
{
    private const string DeadlockDetected = "40P01";
    private const string SerializationFailure = "40001";
    private const long SchemaLockId = 0x43524D5F53434845; // "CRM_SCHE"

    private const string InsertSql = """
        INSERT INTO crm_grain_state (grain_type, grain_key, version, payload)
        SELECT w.t, w.k, 1, w.p::json FROM unnest(@types, @keys, @payloads) AS w(t, k, p)
        ON CONFLICT (grain_type, grain_key) DO NOTHING
        RETURNING grain_type, grain_key
        """;

    private const string UpdateSql = """
        UPDATE crm_grain_state AS s SET version = w.v + 1, payload = w.p::json, updated_at = now()
        FROM unnest(@types, @keys, @versions, @payloads) AS w(t, k, v, p)
        WHERE s.grain_type = w.t AND s.grain_key = w.k AND s.version = w.v
        RETURNING s.grain_type, s.grain_key
        """;

    private const string DeleteSql = """
        DELETE FROM crm_grain_state AS s
        USING unnest(@types, @keys, @versions) AS w(t, k, v)
        WHERE s.grain_type = w.t AND s.grain_key = w.k AND s.version = w.v
        RETURNING s.grain_type, s.grain_key
        """;

    private const string AbsentSql = """
        SELECT w.t, w.k FROM unnest(@types, @keys) AS w(t, k)
        WHERE NOT EXISTS (SELECT 1 FROM crm_grain_state AS s WHERE s.grain_type = w.t AND s.grain_key = w.k)
        """;

    private readonly NpgsqlDataSource _dataSource;
    private IReadOnlyList<IStateRowWriter> _rowWriters = [];

    public PostgresStateStorage(string connectionString, int maxConcurrentBatches = 8)
    {
        // Nothing here leaves session state on a pooled connection (locks are transaction-scoped, transactions always end),
        // so the seven reset statements Npgsql would send with every borrowed connection's first command are skipped:
        // under saturated ingest they were six in seven of the statements the database ran.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true });
        MaxConcurrentBatches = maxConcurrentBatches;
    }

    public int MaxConcurrentBatches { get; }

    /// <summary>The connection pool, for read-model queries that must read the database this storage writes.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    public async Task InitializeAsync(IReadOnlyList<IStateRowWriter> rowWriters, CancellationToken cancellationToken)
    {
        _rowWriters = rowWriters;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var schemaLock = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockId})", connection, transaction))
        {
            await schemaLock.ExecuteNonQueryAsync(cancellationToken);
        }

        var statements = SchemaMigrations.For(SqlDialect.Postgres).Concat(rowWriters.SelectMany(writer => writer.Schema(SqlDialect.Postgres)));
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT version, payload FROM crm_grain_state WHERE grain_type = $1 AND grain_key = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>The primary key's index serves both the filter and the order, whatever the database's collation.</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string stateType, string? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(after is null
            ? "SELECT grain_key FROM crm_grain_state WHERE grain_type = $1 ORDER BY grain_key LIMIT $2"
            : "SELECT grain_key FROM crm_grain_state WHERE grain_type = $1 AND grain_key > $3 ORDER BY grain_key LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateType });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        if (after is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after });
        }

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
        var outcomes = new WriteOutcome[writes.Count];
        var pending = Enumerable.Range(0, writes.Count).ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            try
            {
                var stale = await TryCommitAsync(writes, pending, cancellationToken);
                foreach (var i in pending)
                {
                    outcomes[i] = stale.Contains(i) ? WriteOutcome.Stale() : WriteOutcome.Written(writes[i].IsClear ? null : writes[i].NewVersion);
                }

                if (stale.Count == 0)
                {
                    return outcomes;
                }

                pending.RemoveAll(stale.Contains);
            }
            catch (PostgresException exception) when (exception.SqlState is DeadlockDetected or SerializationFailure && attempt < 5)
            {
            }
        }

        return outcomes;
    }

    /// <summary>Runs the batch; commits when no write was stale, otherwise rolls back and returns the stale ones.</summary>
    private async Task<HashSet<int>> TryCommitAsync(IReadOnlyList<StateWrite> writes, List<int> pending, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);

        var ordered = pending.OrderBy(i => writes[i].Key).ToList();
        var inserts = ordered.Where(i => !writes[i].IsClear && writes[i].ExpectedVersion is null).ToList();
        var updates = ordered.Where(i => !writes[i].IsClear && writes[i].ExpectedVersion is not null).ToList();
        var deletes = ordered.Where(i => writes[i].IsClear && writes[i].ExpectedVersion is not null).ToList();
        var absent = ordered.Where(i => writes[i].IsClear && writes[i].ExpectedVersion is null).ToList();
        var stateCommands = new List<List<int>>();
        if (inserts.Count > 0)
        {
            batch.BatchCommands.Add(StateCommand(InsertSql, writes, inserts, withVersions: false, withPayloads: true));
            stateCommands.Add(inserts);
        }

        if (updates.Count > 0)
        {
            batch.BatchCommands.Add(StateCommand(UpdateSql, writes, updates, withVersions: true, withPayloads: true));
            stateCommands.Add(updates);
        }

        if (deletes.Count > 0)
        {
            batch.BatchCommands.Add(StateCommand(DeleteSql, writes, deletes, withVersions: true, withPayloads: false));
            stateCommands.Add(deletes);
        }

        // Clearing what is believed absent changes nothing, but must still see that no other writer stored a record.
        if (absent.Count > 0)
        {
            batch.BatchCommands.Add(StateCommand(AbsentSql, writes, absent, withVersions: false, withPayloads: false));
            stateCommands.Add(absent);
        }

        var rowBatch = new PostgresBatch(batch);
        RowBatches.Apply(_rowWriters, ordered.Select(i => writes[i]), (writer, rows) => writer.Write(rowBatch, SqlDialect.Postgres, rows));

        var applied = new HashSet<StateKey>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            foreach (var _ in stateCommands)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(new StateKey(reader.GetString(0), reader.GetString(1)));
                }

                await reader.NextResultAsync(cancellationToken);
            }
        }

        var stale = pending.Where(i => !applied.Contains(writes[i].Key)).ToHashSet();
        if (stale.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return stale;
    }

    private static NpgsqlBatchCommand StateCommand(string sql, IReadOnlyList<StateWrite> writes, List<int> indexes, bool withVersions, bool withPayloads)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = indexes.Select(i => writes[i].Key.StateType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = indexes.Select(i => writes[i].Key.Key).ToArray() });
        if (withVersions)
        {
            command.Parameters.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = indexes.Select(i => writes[i].ExpectedVersion!.Value).ToArray() });
        }

        if (withPayloads)
        {
            command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = indexes.Select(i => writes[i].Payload!).ToArray() });
        }

        return command;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private sealed class PostgresBatch(NpgsqlBatch batch) : ISqlBatch
    {
        public void Add(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
            }

            batch.BatchCommands.Add(command);
        }
    }
}
