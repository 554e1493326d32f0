using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public static class CustomerRecordQueries
{
    public static ICustomerListQueries ListFor(IGrainStorage storage) => storage switch
    {
        MemoryGrainStorage memory => new MemoryCustomerListQueries(memory.Store.Rows),
        SqliteGrainStorage sqlite => new SqlCustomerListQueries(SqlReader.ForSqlite(sqlite.ConnectionString), SqlDialect.Sqlite),
        PostgresGrainStorage postgres => new SqlCustomerListQueries(SqlReader.ForPostgres(postgres.DataSource), SqlDialect.Postgres),
        _ => throw new NotSupportedException($"No list queries for {storage.GetType().Name}."),
    };

    public static ICustomerRecordQueries For(IGrainStorage storage) => storage switch
    {
        MemoryGrainStorage memory => new MemoryCustomerRecordQueries(memory.Store.Rows),
        SqliteGrainStorage sqlite => new SqlCustomerRecordQueries(SqlReader.ForSqlite(sqlite.ConnectionString), SqlDialect.Sqlite),
        PostgresGrainStorage postgres => new SqlCustomerRecordQueries(SqlReader.ForPostgres(postgres.DataSource), SqlDialect.Postgres),
        _ => throw new NotSupportedException($"No record queries for {storage.GetType().Name}."),
    };
}
