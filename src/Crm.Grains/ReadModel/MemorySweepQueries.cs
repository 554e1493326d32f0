using Crm.Grains.Customers;
using Crm.Silo.Storage;

namespace Crm.Grains.ReadModel;

public sealed class MemorySweepQueries(MemoryRowStore rows) : ISweepQueries
{
    public Task<IReadOnlyList<string>> WorkspacesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(rows.Table(StatsDeltaWriter.MemoryTable)
            .Where(entry => ((StatsCounts)entry.Value).All > 0)
            .Select(entry => entry.Key)
            .Order(StringComparer.Ordinal)
            .ToArray());

    public Task<IReadOnlyList<string>> CustomerIdsAsync(string workspace, string? afterId, int limit, CancellationToken cancellationToken = default) =>
        IdsAsync(workspace, afterId, limit, _ => true);

    public Task<IReadOnlyList<string>> LastHeardBetweenAsync(string workspace, DateTimeOffset from, DateTimeOffset to, string? afterId, int limit, CancellationToken cancellationToken = default) =>
        IdsAsync(workspace, afterId, limit, customer => LastHeard(customer) >= from && LastHeard(customer) < to);

    private Task<IReadOnlyList<string>> IdsAsync(string workspace, string? afterId, int limit, Func<CustomerSnapshot, bool> matches)
    {
        var prefix = workspace + "/";
        return Task.FromResult<IReadOnlyList<string>>(rows.Table(CustomerRowWriter.MemoryTable)
            .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(entry => (CustomerSnapshot)entry.Value)
            .Where(customer => matches(customer) && string.CompareOrdinal(customer.Id, afterId ?? string.Empty) > 0)
            .Select(customer => customer.Id)
            .Order(StringComparer.Ordinal)
            .Take(limit)
            .ToArray());
    }

    private static DateTimeOffset LastHeard(CustomerSnapshot customer) =>
        new[] { customer.LastContact, customer.LastActive, customer.FirstSeen }.Max()!.Value;
}
