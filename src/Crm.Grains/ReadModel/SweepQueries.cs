using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public static class SweepQueries
{
    public static ISweepQueries For(IStateStorage storage) => storage switch
    {
        MemoryStateStorage memory => new MemorySweepQueries(memory.Store.Rows),
        SqliteStateStorage sqlite => new SqliteSweepQueries(sqlite.ConnectionString),
        PostgresStateStorage postgres => new PostgresSweepQueries(postgres.DataSource),
        _ => throw new NotSupportedException($"No sweep queries for {storage.GetType().Name}."),
    };
}
