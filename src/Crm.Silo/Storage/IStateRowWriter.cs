namespace Crm.Silo.Storage;

/// <summary>
/// Stores rows of one type that grains write atomically with their state (a read-model projection, a timeline entry).
/// Registered with the silo; the runtime knows nothing of what the rows mean.
/// </summary>
public interface IStateRowWriter
{
    Type RowType { get; }

    /// <summary>Idempotent DDL creating the tables and indexes the rows need.</summary>
    IReadOnlyList<string> Schema(SqlDialect dialect);

    /// <summary>Adds the statements storing <paramref name="rows"/> (in write order) to the batch's transaction.</summary>
    void Write(ISqlBatch batch, SqlDialect dialect, IReadOnlyList<object> rows);

    /// <summary>Applies the rows to the in-memory store, for the memory provider.</summary>
    void Write(MemoryRowStore store, IReadOnlyList<object> rows);
}
