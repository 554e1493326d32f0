using Crm.Grains.Customers;
using Crm.Grains.Intents;

namespace Crm.Grains.ReadModel;

/// <summary>One row of the customer list.</summary>
public sealed record CustomerListRow
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Company { get; init; }

    public string? AvatarUrl { get; init; }

    public required string Initials { get; init; }

    public Lifecycle Lifecycle { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public Intent Intent { get; init; }

    public DateTimeOffset? LastActive { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public int Conversations { get; init; }

    public int Messages { get; init; }

    public int Orders { get; init; }

    public decimal LifetimeValue { get; init; }

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
