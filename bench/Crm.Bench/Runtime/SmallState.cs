using Orleans;

namespace Crm.Bench.Runtime;

[GenerateSerializer]
[Alias("crm.bench.SmallState")]
public sealed class SmallState
{
    [Id(0)]
    public int Value { get; set; }
}
