using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Crm.Silo.Storage;

/// <summary>
/// What the storage needs to know of the states it stores: their source-generated JSON contracts and the writers of the
/// rows grains store in the same transaction as their state. Filled by the grains' assembly at start.
/// </summary>
public sealed class StateModel
{
    private readonly List<IJsonTypeInfoResolver> _jsonResolvers = [];
    private readonly List<IStateRowWriter> _rowWriters = [];

    public IReadOnlyList<IStateRowWriter> RowWriters => _rowWriters;

    /// <summary>Adds source-generated JSON contracts for state types (a <c>JsonSerializerContext</c>).</summary>
    public StateModel AddJsonContracts(IJsonTypeInfoResolver resolver)
    {
        _jsonResolvers.Add(resolver);
        return this;
    }

    public StateModel AddRowWriter(IStateRowWriter writer)
    {
        _rowWriters.Add(writer);
        return this;
    }

    internal JsonSerializerOptions BuildJsonOptions() => new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine([.. _jsonResolvers]),
    };
}
