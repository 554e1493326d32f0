namespace Crm.Grains.ReadModel;

internal static class Sql
{
    /// <summary>A named statement parameter for <see cref="Crm.Silo.Storage.ISqlBatch"/>.</summary>
    public static (string Name, object? Value) P(string name, object? value) => (name, value);
}
