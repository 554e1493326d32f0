namespace Crm.Grains.Customers;

/// <summary>Profile fields to change: a null property leaves the field as it is, an empty string clears it.</summary>
public sealed record ProfilePatch
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Company { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Language { get; init; }

    public string? AvatarUrl { get; init; }
}
