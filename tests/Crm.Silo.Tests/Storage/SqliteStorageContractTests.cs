using Crm.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Tests.Storage;

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"crm-contract-{Guid.NewGuid():N}");

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "crm.db")}";

    protected override IStateStorage CreateInstance() => new SqliteStateStorage(ConnectionString);

    protected override async Task<string?> StoredNoteAsync(string id)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand($"SELECT text FROM {NoteRowWriter.Table} WHERE id = @id", connection);
        command.Parameters.AddWithValue("@id", id);
        return (string?)await command.ExecuteScalarAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
