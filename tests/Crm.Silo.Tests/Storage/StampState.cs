namespace Crm.Silo.Tests.Storage;

public sealed class StampState
{
    public string? Value { get; set; }
}
