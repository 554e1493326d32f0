using Orleans;

namespace Crm.Silo.Tests.Storage;

[GenerateSerializer]
[Alias("test.StampState")]
public sealed class StampState
{
    [Id(0)]
    public string? Value { get; set; }
}
