using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Crm.Silo.Clustering;

/// <summary>
/// Creates or upgrades the cluster's tables and statements before Orleans' membership reads them, under an advisory lock
/// so nodes starting together apply them once; every statement is idempotent, so it runs at every start.
/// </summary>
internal sealed class ClusterSchemaInstaller(string connectionString) : ILifecycleParticipant<ISiloLifecycle>
{
    private const long SchemaLockId = 0x43524D5F434C5553; // "CRM_CLUS"

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterSchemaInstaller), ServiceLifecycleStage.First, InstallAsync);

    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync($"SELECT pg_advisory_xact_lock({SchemaLockId})");
        foreach (var statement in ClusterSchema.Tables)
        {
            await ExecuteAsync(statement);
        }

        foreach (var (key, text) in ClusterSchema.Queries)
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO orleansquery (querykey, querytext) VALUES ($1, $2) ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext",
                connection,
                transaction);
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
