using Crm.Silo.Storage;
using Crm.Testing;
using Npgsql;

namespace Crm.Silo.Tests.Storage;

public sealed class PostgresStorageContractTests(PostgresTestDatabase database) : StorageContractTests, IClassFixture<PostgresTestDatabase>
{
    protected override IStateStorage CreateInstance() => new PostgresStateStorage(database.ConnectionString);

    protected override async Task<string?> StoredNoteAsync(string id)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT text FROM {NoteRowWriter.Table} WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string?)await command.ExecuteScalarAsync();
    }
}
