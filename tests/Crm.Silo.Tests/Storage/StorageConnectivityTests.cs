using Crm.Silo.Storage;
using Crm.Testing;

namespace Crm.Silo.Tests.Storage;

public sealed class StorageConnectivityTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Sqlite_creates_its_folder_and_file_and_answers()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crm-sqlite-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "nested", "crm.db");
        try
        {
            var options = new StorageOptions { Provider = StorageProviderKind.Sqlite, ConnectionString = $"Data Source={file}" };

            var server = await StorageConnectivity.DescribeServerAsync(options);

            Assert.StartsWith("sqlite 3.", server);
            Assert.True(File.Exists(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_answers_with_its_version()
    {
        var options = new StorageOptions { Provider = StorageProviderKind.Postgres, ConnectionString = postgres.ConnectionString };

        var server = await StorageConnectivity.DescribeServerAsync(options);

        Assert.StartsWith("PostgreSQL ", server);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_the_setting_to_fix()
    {
        var options = new StorageOptions { Provider = StorageProviderKind.Postgres };

        var error = Assert.Throws<InvalidOperationException>(options.ResolveConnectionString);

        Assert.Contains("ConnectionStrings:Crm", error.Message);
    }
}
