namespace Crm.Silo.Storage;

/// <summary>Statements executed inside a write batch's transaction; parameters are named <c>@name</c> in both dialects.</summary>
public interface ISqlBatch
{
    void Add(string sql, params (string Name, object? Value)[] parameters);
}
