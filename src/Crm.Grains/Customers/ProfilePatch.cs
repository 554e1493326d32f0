using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Customers;

/// <summary>Profile fields to change: a null property leaves the field as it is, an empty string clears it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.ProfilePatch")]
public sealed record ProfilePatch
{
    [Id(0)]
    public string? Name { get; init; }

    [Id(1)]
    public string? Email { get; init; }

    [Id(2)]
    public string? Phone { get; init; }

    [Id(3)]
    public string? Company { get; init; }

    [Id(4)]
    public string? City { get; init; }

    [Id(5)]
    public string? Country { get; init; }

    [Id(6)]
    public string? Language { get; init; }

    [Id(7)]
    public string? AvatarUrl { get; init; }
}
