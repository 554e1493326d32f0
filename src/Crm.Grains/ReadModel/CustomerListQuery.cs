using Crm.Grains.Customers;
using Crm.Grains.Intents;

namespace Crm.Grains.ReadModel;

/// <summary>The customer list's filters; every set field narrows the list (tags by <see cref="AllTags"/>: any or all).</summary>
public sealed record CustomerListQuery
{
    /// <summary>Only these customers, when any are named: a dashboard rereading the rows it shows.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    public string? Search { get; init; }

    public IReadOnlyList<Lifecycle> Lifecycles { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool AllTags { get; init; }

    public string? Segment { get; init; }

    public Intent? Intent { get; init; }

    public string? Channel { get; init; }

    public decimal? LtvMin { get; init; }

    public decimal? LtvMax { get; init; }

    public int? ConversationsMin { get; init; }

    public int? ConversationsMax { get; init; }

    public int? OrdersMin { get; init; }

    public DateTimeOffset? CreatedAfter { get; init; }

    public DateTimeOffset? CreatedBefore { get; init; }

    public CustomerSort Sort { get; init; } = new(CustomerSortField.LastActive, Descending: true);
}

public enum CustomerSortField
{
    Name,
    LastActive,
    FirstSeen,
    Conversations,
    Messages,
    Ltv,
}

/// <summary>An order of the list; ties are broken by customer id so keyset paging never skips or repeats a row.</summary>
public sealed record CustomerSort(CustomerSortField Field, bool Descending);
