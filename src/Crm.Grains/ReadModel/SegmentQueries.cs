using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public static class SegmentQueries
{
    /// <summary>Queries over the store the silo writes to, so they read exactly what customer grains committed.</summary>
    public static ISegmentQueries For(IGrainStorage storage) => storage switch
    {
        MemoryGrainStorage memory => new MemorySegmentQueries(memory.Store.Rows),
        SqliteGrainStorage sqlite => new SqliteSegmentQueries(sqlite.ConnectionString),
        PostgresGrainStorage postgres => new PostgresSegmentQueries(postgres.DataSource),
        _ => throw new NotSupportedException($"No segment queries for {storage.GetType().Name}."),
    };
}
