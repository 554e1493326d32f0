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
