using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>The storage a theory over every store asks for by name: memory, a SQLite file in the test's folder, or PostgreSQL.</summary>
public static class TestStores
{
    public static TheoryData<string> Names => ["memory", "sqlite", "postgres"];

    public static IStateStorage Create(string store, DirectoryInfo folder, string postgresConnectionString) => store switch
    {
        "sqlite" => new SqliteStateStorage($"Data Source={Path.Combine(folder.FullName, "crm.db")}"),
        "postgres" => new PostgresStateStorage(postgresConnectionString),
        _ => new MemoryStateStorage(),
    };
}
