using System.Collections.Concurrent;

namespace Crm.Silo.Storage;

/// <summary>Tables of the memory provider: rows by table name and key, for row writers and the tests that read them back.</summary>
public sealed class MemoryRowStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, object>> _tables = new();

    public ConcurrentDictionary<string, object> Table(string name) => _tables.GetOrAdd(name, _ => new ConcurrentDictionary<string, object>());
}
