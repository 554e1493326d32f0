using Crm.Grains.ReadModel;
using Crm.Silo.Storage;

namespace Crm.Grains.Ingest.Idempotency;

public static class AppliedEvents
{
    public static IAppliedEvents For(IStateStorage storage) => storage switch
    {
        MemoryStateStorage memory => new MemoryAppliedEvents(memory.Store.Rows),
        SqliteStateStorage sqlite => new SqlAppliedEvents(SqlReader.ForSqlite(sqlite.ConnectionString), SqlDialect.Sqlite),
        PostgresStateStorage postgres => new SqlAppliedEvents(SqlReader.ForPostgres(postgres.DataSource), SqlDialect.Postgres),
        _ => throw new NotSupportedException($"No applied-event ledger for {storage.GetType().Name}."),
    };
}
