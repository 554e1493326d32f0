using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Crm.Silo.Storage;

/// <summary>What persistent states talk to: reads go straight to storage, writes through group commit, JSON through source-generated contracts.</summary>
internal sealed class StateStore(IGrainStorage storage, GroupCommitter committer, JsonSerializerOptions json, IReadOnlyList<IStateRowWriter> rowWriters)
{
    private readonly HashSet<Type> _rowTypes = rowWriters.Select(writer => writer.RowType).ToHashSet();

    public Task<StoredState?> ReadAsync(StateKey key) => storage.ReadAsync(key, CancellationToken.None);

    public Task<WriteOutcome> WriteAsync(StateWrite write)
    {
        foreach (var row in write.Rows)
        {
            if (!_rowTypes.Contains(row.GetType()))
            {
                throw new ArgumentException($"No IStateRowWriter is registered for rows of type {row.GetType().Name}.", nameof(write));
            }
        }

        return committer.WriteAsync(write);
    }

    public JsonTypeInfo<T> TypeInfo<T>()
    {
        try
        {
            return (JsonTypeInfo<T>)json.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException exception)
        {
            throw new InvalidOperationException(
                $"State type {typeof(T).Name} has no JSON contract: list it in a JsonSerializerContext ([JsonSerializable(typeof({typeof(T).Name}))]) and register that context with the silo.",
                exception);
        }
    }
}
