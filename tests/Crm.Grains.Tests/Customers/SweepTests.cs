using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Crm.Testing;

namespace Crm.Grains.Tests.Customers;

public sealed class SweepTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const string Workspace = "acme";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-sweep-");

    public static TheoryData<string> Stores => TestStores.Names;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_sweep_moves_silent_customers_to_at_risk_and_refreshes_only_those_time_has_moved(string store)
    {
        await using var silo = await CrmSilo.StartAsync(TestStores.Create(store, _folder, postgres.ConnectionString));
        var ingestor = silo.Ingestor();
        var silent = (await ingestor.IngestAsync(Workspace, Events.Order(Channel.Email, "quiet@example.com", CrmSilo.Start, "o-1", 20m))).CustomerId!;
        var sweeper = silo.Grains.GetGrain<IWorkspaceSweepGrain>(Workspace);
        await sweeper.Sweep();

        silo.Clock.Advance(TimeSpan.FromDays(31));
        var chatty = (await ingestor.IngestAsync(Workspace, Events.Order(Channel.Email, "chatty@example.com", silo.Clock.GetUtcNow(), "o-2", 20m))).CustomerId!;
        var refreshed = await sweeper.Sweep();
        var again = await sweeper.Sweep();

        Assert.Equal(1, refreshed);
        Assert.Equal(0, again);
        Assert.Equal(Lifecycle.AtRisk, (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{silent}").Get())!.Lifecycle);
        Assert.Equal(Lifecycle.Customer, (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{chatty}").Get())!.Lifecycle);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
