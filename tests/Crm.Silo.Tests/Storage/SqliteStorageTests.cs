using System.Diagnostics;
using Crm.Silo.Storage;
using Crm.Silo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Tests.Storage;

[Collection(RunsAlone.Name)]
public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"crm-sqlite-{Guid.NewGuid():N}");

    private string File => Path.Combine(_folder, "crm.db");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Disposing_the_storage_closes_every_connection_it_opened_however_often_it_was_initialized(int initializations)
    {
        var storage = new SqliteStateStorage($"Data Source={File}");
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

    [Fact]
    public async Task A_write_waiting_on_another_processs_transaction_goes_ahead_soon_after_it_commits()
    {
        await using var storage = new SqliteStateStorage($"Data Source={File}");
        await storage.InitializeAsync([], CancellationToken.None);
        await using var otherProcess = new SqliteConnection($"Data Source={File};Pooling=False");
        await otherProcess.OpenAsync();
        await using var held = (SqliteTransaction)await otherProcess.BeginTransactionAsync();

        // The other transaction ends soon on purpose, from a thread of its own so that nothing the writer does delays it:
        // what is measured is how long the writer takes to notice.
        long committedAt = 0;
        var release = new Thread(() =>
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(50));
            held.Commit();
            committedAt = Stopwatch.GetTimestamp();
        });
        release.Start();
        var outcomes = await storage.WriteBatchAsync([new StateWrite(new StateKey("sqlite.state", "waits"), null, "{}", [])], CancellationToken.None);
        var writtenAt = Stopwatch.GetTimestamp();
        release.Join();
        var lag = Stopwatch.GetElapsedTime(committedAt, writtenAt);

        Assert.Equal([WriteOutcome.Written(1)], outcomes);
        Assert.True(lag < TimeSpan.FromMilliseconds(500), $"the write went ahead {lag.TotalMilliseconds:0} ms after the other transaction committed");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
