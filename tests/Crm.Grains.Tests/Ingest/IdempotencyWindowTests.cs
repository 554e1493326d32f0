using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Ingest.Idempotency;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Tests.Ingest;

/// <summary>The idempotency window on each store: an id counts once for seven days, and the ledger forgets it after.</summary>
public sealed class IdempotencyWindowTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const string Workspace = "acme";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-idempotency-");

    public static TheoryData<string> Stores => TestStores.Names;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_id_is_a_duplicate_within_the_window_and_counts_again_only_after_it(string store)
    {
        await using var silo = await CrmSilo.StartAsync(Storage(store));
        var ingestor = silo.Ingestor();
        var message = Events.Message(Channel.Email, "dora@example.com", CrmSilo.Start);

        Assert.Equal(IngestStatus.Accepted, (await ingestor.IngestAsync(Workspace, message)).Status);
        silo.Clock.Advance(IdempotencyOptions.DefaultWindow - TimeSpan.FromMinutes(1));
        Assert.Equal(IngestStatus.Duplicate, (await ingestor.IngestAsync(Workspace, message)).Status);

        silo.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await ingestor.IngestAsync(Workspace, message);
        Assert.Equal(IngestStatus.Accepted, late.Status);
        Assert.Equal(IngestStatus.Duplicate, (await ingestor.IngestAsync(Workspace, message)).Status);
        Assert.Equal(2, (await silo.Grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, late.CustomerId!)).Get())!.Messages);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_sweep_forgets_ids_older_than_the_window_and_keeps_the_rest(string store)
    {
        await using var silo = await CrmSilo.StartAsync(Storage(store));
        var ingestor = silo.Ingestor();
        var ledger = silo.Services.GetRequiredService<IAppliedEvents>();
        var old = Events.Message(Channel.Email, "emil@example.com", CrmSilo.Start);
        await ingestor.IngestAsync(Workspace, old);
        silo.Clock.Advance(IdempotencyOptions.DefaultWindow + TimeSpan.FromHours(1));
        var recent = Events.Message(Channel.Email, "emil@example.com", silo.Clock.GetUtcNow());
        await ingestor.IngestAsync(Workspace, recent);

        await silo.Grains.GetGrain<IWorkspaceSweepGrain>(Workspace).Sweep();

        Assert.Null(await ledger.FindAsync(Workspace, old.Id, DateTimeOffset.UnixEpoch));
        Assert.NotNull(await ledger.FindAsync(Workspace, recent.Id, DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Lookups_of_many_customers_at_once_each_get_their_own_answer(string store)
    {
        await using var silo = await CrmSilo.StartAsync(Storage(store));
        var ingestor = silo.Ingestor();
        var events = Enumerable.Range(0, 300).Select(i => Events.Message(Channel.Email, $"guest{i % 100}@example.com", CrmSilo.Start.AddSeconds(i))).ToArray();
        var firstHalf = events.Where((_, i) => i % 2 == 0).ToArray();

        var first = await Task.WhenAll(firstHalf.Select(e => ingestor.IngestAsync(Workspace, e)));
        var mixed = await Task.WhenAll(events.Select(e => ingestor.IngestAsync(Workspace, e)));

        Assert.All(first, result => Assert.Equal(IngestStatus.Accepted, result.Status));
        Assert.Equal(events.Select((_, i) => i % 2 == 0 ? IngestStatus.Duplicate : IngestStatus.Accepted), mixed.Select(result => result.Status));
    }

    private IStateStorage Storage(string store) => TestStores.Create(store, _folder, postgres.ConnectionString);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
