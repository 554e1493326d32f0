using Crm.Grains.Customers;
using Crm.Grains.Intents;
using Orleans;

namespace Crm.Grains.ReadModel;

/// <summary>One row of the customer list; it also travels between nodes to the dashboards showing it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.CustomerListRow")]
public sealed record CustomerListRow
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public string? Name { get; init; }

    [Id(2)]
    public string? Email { get; init; }

    [Id(3)]
    public string? Phone { get; init; }

    [Id(4)]
    public string? Company { get; init; }

    [Id(5)]
    public string? AvatarUrl { get; init; }

    [Id(6)]
    public required string Initials { get; init; }

    [Id(7)]
    public Lifecycle Lifecycle { get; init; }

    [Id(8)]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(9)]
    public Intent Intent { get; init; }

    [Id(10)]
    public DateTimeOffset? LastActive { get; init; }

    [Id(11)]
    public DateTimeOffset FirstSeen { get; init; }

    [Id(12)]
    public int Conversations { get; init; }

    [Id(13)]
    public int Messages { get; init; }

    [Id(14)]
    public int Orders { get; init; }

    [Id(15)]
    public decimal LifetimeValue { get; init; }

    [Id(16)]
    public double? CsatAverage { get; init; }

    /// <summary>The row the list shows for <paramref name="customer"/>, as the projection stores it.</summary>
    public static CustomerListRow From(CustomerSnapshot customer) => new()
    {
        Id = customer.Id,
        Name = customer.Name,
        Email = customer.Email,
        Phone = customer.Phone,
        Company = customer.Company,
        AvatarUrl = customer.AvatarUrl,
        Initials = InitialsOf(customer.Name, customer.Email),
        Lifecycle = customer.Lifecycle,
        Tags = customer.Tags.Order(StringComparer.Ordinal).ToArray(),
        Intent = customer.Intent,
        LastActive = customer.LastActive,
        FirstSeen = customer.FirstSeen,
        Conversations = customer.Conversations,
        Messages = customer.Messages,
        Orders = customer.Orders,
        LifetimeValue = customer.LifetimeValue,
        CsatAverage = customer.CsatAverage,
    };

    /// <summary>Up to two letters from the name, else from the email, else "?".</summary>
    public static string InitialsOf(string? name, string? email)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => char.IsLetter(word[0])).ToArray();
        if (words.Length > 0)
        {
            return string.Concat(words.Take(1).Concat(words.Skip(1).TakeLast(1)).Select(word => char.ToUpperInvariant(word[0])));
        }

        return email is { Length: > 0 } && char.IsLetterOrDigit(email[0]) ? char.ToUpperInvariant(email[0]).ToString() : "?";
    }
}
