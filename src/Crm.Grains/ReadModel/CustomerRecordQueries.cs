using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public static class CustomerRecordQueries
{
    public static ICustomerListQueries ListFor(IStateStorage storage) => storage switch
    {
        MemoryStateStorage memory => new MemoryCustomerListQueries(memory.Store.Rows),
        SqliteStateStorage sqlite => new SqlCustomerListQueries(SqlReader.ForSqlite(sqlite.ConnectionString), SqlDialect.Sqlite),
        PostgresStateStorage postgres => new SqlCustomerListQueries(SqlReader.ForPostgres(postgres.DataSource), SqlDialect.Postgres),
        _ => throw new NotSupportedException($"No list queries for {storage.GetType().Name}."),
    };

    public static ICustomerRecordQueries For(IStateStorage storage) => storage switch
    {
        MemoryStateStorage memory => new MemoryCustomerRecordQueries(memory.Store.Rows),
        SqliteStateStorage sqlite => new SqlCustomerRecordQueries(SqlReader.ForSqlite(sqlite.ConnectionString), SqlDialect.Sqlite),
        PostgresStateStorage postgres => new SqlCustomerRecordQueries(SqlReader.ForPostgres(postgres.DataSource), SqlDialect.Postgres),
        _ => throw new NotSupportedException($"No record queries for {storage.GetType().Name}."),
    };
}
