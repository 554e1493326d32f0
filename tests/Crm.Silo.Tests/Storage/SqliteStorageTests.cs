using Crm.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Tests.Storage;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"crm-sqlite-{Guid.NewGuid():N}");

    private string File => Path.Combine(_folder, "crm.db");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Disposing_the_storage_closes_every_connection_it_opened_however_often_it_was_initialized(int initializations)
    {
        var storage = new SqliteGrainStorage($"Data Source={File}");
        for (var i = 0; i < initializations; i++)
        {
            await storage.InitializeAsync([], CancellationToken.None);
        }

        await storage.WriteBatchAsync([new StateWrite(new StateKey("sqlite.state", "k"), null, "{}", [])], CancellationToken.None);
        await storage.DisposeAsync();
        SqliteConnection.ClearAllPools();

        // SQLite removes the write-ahead log when the last connection to the database closes.
        Assert.False(System.IO.File.Exists(File + "-wal"), "a connection to the database is still open");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
