namespace Crm.Grains.Customers;

/// <summary>A contact an agent creates by hand.</summary>
public sealed record NewCustomer
{
    public required ProfilePatch Profile { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}
