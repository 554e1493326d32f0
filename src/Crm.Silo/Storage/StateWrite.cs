namespace Crm.Silo.Storage;

/// <summary>
/// One grain's write: the new JSON (or null to clear), the version it expects to replace (null when it expects no record),
/// and rows that must be stored in the same transaction, each handled by the <see cref="IStateRowWriter"/> for its type.
/// </summary>
public sealed record StateWrite(StateKey Key, long? ExpectedVersion, string? Payload, IReadOnlyList<object> Rows)
{
    public bool IsClear => Payload is null;

    public long NewVersion => (ExpectedVersion ?? 0) + 1;
}
