using Crm.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Crm.Web.Tests.Upgrade;

/// <summary>The fixture's dump restored into a SQLite file of its own, in a temporary folder deleted afterwards.</summary>
public sealed class RestoredDatabase : IDisposable
{
    private readonly DirectoryInfo _folder;

    private RestoredDatabase(DirectoryInfo folder, StoredIds ids)
    {
        _folder = folder;
        Ids = ids;
    }

    public StoredIds Ids { get; }

    private string FilePath => Path.Combine(_folder.FullName, "crm.db");

    public static async Task<RestoredDatabase> RestoreAsync()
    {
        var dump = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures", ReleaseBeforeOrleans.DumpFile));
        var folder = Directory.CreateTempSubdirectory("crm-upgrade-");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "crm.db")};Pooling=False");
        await connection.OpenAsync();
        await using (var restore = new SqliteCommand(dump, connection))
        {
            await restore.ExecuteNonQueryAsync();
        }

        return new RestoredDatabase(folder, await StoredIds.ReadAsync(connection));
    }

    /// <summary>
    /// The new service on this database. No bootstrap key is given, so the admin key that works is the one the old release
    /// stored, and the sweep is held back for a day: it re-resolves lifecycles and intents against today's date, which would
    /// rewrite rows before the tests read what the old release wrote.
    /// </summary>
    public Task<RunningService> StartServiceAsync() =>
        RunningService.StartAsync("--Storage:Provider=Sqlite", $"--ConnectionStrings:Crm=Data Source={FilePath}", "--Sweep:Interval=1.00:00:00");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
