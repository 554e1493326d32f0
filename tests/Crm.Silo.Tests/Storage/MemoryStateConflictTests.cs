using Crm.Silo.Storage;

namespace Crm.Silo.Tests.Storage;

public sealed class MemoryStateConflictTests : StateConflictTests
{
    private readonly MemoryStore _store = new();

    protected override IStateStorage CreateInstance() => new MemoryStateStorage(_store);
}
