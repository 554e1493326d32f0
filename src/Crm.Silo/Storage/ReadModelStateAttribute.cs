using Orleans;

namespace Crm.Silo.Storage;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IReadModelState{TState}"/>: loaded before activation like
/// Orleans' <c>[PersistentState]</c>, stored by the group-commit storage with the rows each write carries.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ReadModelStateAttribute(string stateName) : Attribute, IFacetMetadata
{
    public string StateName { get; } = stateName;
}
