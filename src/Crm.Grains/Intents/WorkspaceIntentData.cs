using Crm.Grains.ReadModel;
using Crm.Silo.Storage;

namespace Crm.Grains.Intents;

public static class WorkspaceIntentData
{
    public static IWorkspaceIntentData For(IStateStorage storage) => storage switch
    {
        MemoryStateStorage memory => new MemoryWorkspaceIntentData(memory.Store.Rows),
        SqliteStateStorage sqlite => new SqlWorkspaceIntentData(SqlReader.ForSqlite(sqlite.ConnectionString), SqlDialect.Sqlite),
        PostgresStateStorage postgres => new SqlWorkspaceIntentData(SqlReader.ForPostgres(postgres.DataSource), SqlDialect.Postgres),
        _ => throw new NotSupportedException($"No intent examples or models for {storage.GetType().Name}."),
    };
}
