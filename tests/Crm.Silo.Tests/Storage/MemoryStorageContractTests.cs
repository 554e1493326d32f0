using Crm.Silo.Storage;

namespace Crm.Silo.Tests.Storage;

public sealed class MemoryStorageContractTests : StorageContractTests
{
    private readonly MemoryStore _store = new();

    protected override IStateStorage CreateInstance() => new MemoryStateStorage(_store);

    protected override Task<string?> StoredNoteAsync(string id) =>
        Task.FromResult(_store.Rows.Table(NoteRowWriter.Table).TryGetValue(id, out var text) ? (string)text : null);
}
