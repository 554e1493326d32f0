using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public static class SweepQueries
{
    public static ISweepQueries For(IGrainStorage storage) => storage switch
    {
        MemoryGrainStorage memory => new MemorySweepQueries(memory.Store.Rows),
        SqliteGrainStorage sqlite => new SqliteSweepQueries(sqlite.ConnectionString),
        PostgresGrainStorage postgres => new PostgresSweepQueries(postgres.DataSource),
        _ => throw new NotSupportedException($"No sweep queries for {storage.GetType().Name}."),
    };
}
