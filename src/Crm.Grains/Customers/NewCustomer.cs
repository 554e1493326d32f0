using Orleans;

namespace Crm.Grains.Customers;

/// <summary>A contact an agent creates by hand.</summary>
[GenerateSerializer]
[Alias("crm.NewCustomer")]
public sealed record NewCustomer
{
    [Id(0)]
    public required ProfilePatch Profile { get; init; }

    [Id(1)]
    public IReadOnlyList<string> Tags { get; init; } = [];
}
