using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Customers;

public sealed class StatsTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task After_thousands_of_random_events_the_stat_cards_equal_a_count_of_the_read_model()
    {
        var storage = new MemoryStateStorage();
        await using var silo = await CrmSilo.StartAsync(storage);

        await RandomTraffic.SendAsync(silo, Workspace, events: 3000, identities: 150, seed: 7);

        var rows = storage.Store.Rows.Table(CustomerRowWriter.MemoryTable).Values.Cast<CustomerSnapshot>().ToArray();
        var stats = (StatsCounts)storage.Store.Rows.Table(StatsDeltaWriter.MemoryTable)[Workspace];
        Assert.Equal(rows.Length, stats.All);
        Assert.Equal(rows.Count(row => row.Lifecycle == Lifecycle.Active), stats.Active);
        Assert.Equal(rows.Count(row => row.Lifecycle == Lifecycle.AtRisk), stats.NeedsAttention);
        Assert.Equal(rows.Count(row => row.Intent == Intent.SalesOpportunity), stats.SalesOpportunities);
        Assert.True(stats.Active > 0 && stats.NeedsAttention > 0 && stats.SalesOpportunities > 0, $"traffic too tame to test the cards: {stats}");
    }
}
