using System.Globalization;
using Crm.Grains.Customers;
using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

/// <summary>The customer list over the memory provider's rows, with the SQL version's semantics.</summary>
public sealed class MemoryCustomerListQueries(MemoryRowStore rows) : ICustomerListQueries
{
    public Task<CustomerListPage> ListAsync(string workspace, CustomerListQuery query, CustomerCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        var prefix = workspace + "/";
        var matching = rows.Table(CustomerRowWriter.MemoryTable)
            .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(entry => (CustomerSnapshot)entry.Value)
            .Where(customer => Matches(customer, query))
            .Select(customer => (Customer: customer, Key: SortKey(customer, query.Sort.Field)));
        var comparer = Comparer<(IComparable Key, string Id)>.Create((a, b) =>
        {
            var byKey = a.Key.CompareTo(b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Id, b.Id);
        });
        var ordered = query.Sort.Descending
            ? matching.OrderByDescending(item => (item.Key, item.Customer.Id), comparer)
            : matching.OrderBy(item => (item.Key, item.Customer.Id), comparer);
        var afterKey = after is null ? ((IComparable Key, string Id)?)null : (Parse(after.Value, query.Sort.Field), after.Id);
        var page = ordered
            .Where(item => afterKey is null || comparer.Compare((item.Key, item.Customer.Id), afterKey.Value) * (query.Sort.Descending ? -1 : 1) > 0)
            .Take(limit + 1)
            .ToArray();
        var shown = page.Take(limit).ToArray();
        var next = page.Length > limit ? new CustomerCursor(query.Sort, Format(shown[^1].Key), shown[^1].Customer.Id).Encode() : null;
        return Task.FromResult(new CustomerListPage(shown.Select(item => CustomerListRow.From(item.Customer)).ToArray(), next));
    }

    private static bool Matches(CustomerSnapshot customer, CustomerListQuery query) =>
        (query.Ids.Count == 0 || query.Ids.Contains(customer.Id, StringComparer.Ordinal))
        && (query.Search is not { Length: > 0 } search || CustomerRowWriter.SearchText(customer).Contains(search.ToLowerInvariant(), StringComparison.Ordinal))
        && (query.Lifecycles.Count == 0 || query.Lifecycles.Contains(customer.Lifecycle))
        && (query.Tags.Count == 0 || (query.AllTags ? query.Tags.All(tag => customer.Tags.Contains(tag.ToLowerInvariant())) : query.Tags.Any(tag => customer.Tags.Contains(tag.ToLowerInvariant()))))
        && (query.Segment is null || customer.Segments.Contains(query.Segment.ToLowerInvariant()))
        && (query.Channel is null || customer.Channels.Contains(query.Channel.ToLowerInvariant()))
        && (query.Intent is null || customer.Intent == query.Intent)
        && (query.LtvMin is null || customer.LifetimeValue >= query.LtvMin) && (query.LtvMax is null || customer.LifetimeValue <= query.LtvMax)
        && (query.ConversationsMin is null || customer.Conversations >= query.ConversationsMin) && (query.ConversationsMax is null || customer.Conversations <= query.ConversationsMax)
        && (query.OrdersMin is null || customer.Orders >= query.OrdersMin)
        && (query.CreatedAfter is null || customer.FirstSeen >= query.CreatedAfter) && (query.CreatedBefore is null || customer.FirstSeen <= query.CreatedBefore);

    private static IComparable SortKey(CustomerSnapshot customer, CustomerSortField field) => field switch
    {
        CustomerSortField.Name => (customer.Name ?? string.Empty).ToLowerInvariant(),
        CustomerSortField.LastActive => (customer.LastActive ?? customer.FirstSeen).UtcTicks,
        CustomerSortField.FirstSeen => customer.FirstSeen.UtcTicks,
        CustomerSortField.Conversations => (long)customer.Conversations,
        CustomerSortField.Messages => (long)customer.Messages,
        _ => customer.LifetimeValue,
    };

    private static IComparable Parse(string value, CustomerSortField field) => field switch
    {
        CustomerSortField.Name => value,
        CustomerSortField.Ltv => decimal.Parse(value, CultureInfo.InvariantCulture),
        _ => long.Parse(value, CultureInfo.InvariantCulture),
    };

    private static string Format(IComparable key) => Convert.ToString(key, CultureInfo.InvariantCulture)!;
}
