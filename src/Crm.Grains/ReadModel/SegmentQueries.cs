using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public static class SegmentQueries
{
    /// <summary>Queries over the store the silo writes to, so they read exactly what customer grains committed.</summary>
    public static ISegmentQueries For(IStateStorage storage) => storage switch
    {
        MemoryStateStorage memory => new MemorySegmentQueries(memory.Store.Rows),
        SqliteStateStorage sqlite => new SqliteSegmentQueries(sqlite.ConnectionString),
        PostgresStateStorage postgres => new PostgresSegmentQueries(postgres.DataSource),
        _ => throw new NotSupportedException($"No segment queries for {storage.GetType().Name}."),
    };
}
