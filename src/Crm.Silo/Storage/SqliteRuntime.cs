using Microsoft.Data.Sqlite;

namespace Crm.Silo.Storage;

internal static class SqliteRuntime
{
    /// <summary>SQLite creates the file but not its folder; the default <c>data/</c> folder must exist first.</summary>
    public static void EnsureDirectoryFor(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
