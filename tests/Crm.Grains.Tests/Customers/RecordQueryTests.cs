using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Crm.Testing;

namespace Crm.Grains.Tests.Customers;

public sealed class RecordQueryTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-records-");

    public static TheoryData<string> Stores => TestStores.Names;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_timeline_pages_newest_first_duplicate_suggestions_are_listed_and_the_cards_read(string store)
    {
        var workspace = $"records-{store}";
        var storage = Storage(store);
        await using var silo = await CrmSilo.StartAsync(storage);
        var ingestor = silo.Ingestor();
        var owner = (await ingestor.IngestAsync(workspace, Events.Message(Channel.Email, "vic@example.com", CrmSilo.Start))).CustomerId!;
        var id = (await ingestor.IngestAsync(workspace, Events.Message(Channel.Widget, "sess-vic", CrmSilo.Start))).CustomerId!;
        var grain = silo.Grains.GetGrain<ICustomerGrain>($"{workspace}/{id}");
        for (var i = 0; i < 5; i++)
        {
            await grain.AddNote("agent:test", $"note {i}");
        }

        await ingestor.IngestAsync(workspace, Events.Identify(Channel.Widget, "sess-vic", CrmSilo.Start, new Traits { Identities = [new ChannelIdentity(Channel.Email, "vic@example.com")] }));
        var queries = CustomerRecordQueries.For(storage);

        var first = await queries.TimelineAsync(workspace, id, beforeSequence: null, limit: 3);
        var next = await queries.TimelineAsync(workspace, id, first[^1].Sequence, limit: 3);
        var suggestions = await queries.DuplicateSuggestionsAsync(workspace, limit: 10);
        var stats = await queries.StatsAsync(workspace);
        var empty = await queries.StatsAsync("nobody-here");

        Assert.Equal(["duplicate_suggested", "note_added", "note_added"], first.Select(row => row.Kind));
        Assert.True(first.Select(row => row.Sequence).SequenceEqual(first.Select(row => row.Sequence).OrderDescending()));
        Assert.Equal(first[^1].Sequence - 1, next[0].Sequence);
        Assert.Equal("note 2", next[0].Summary);
        Assert.Equal(2, stats.All);
        Assert.Equal(StatsCounts.Zero, empty);
        var suggestion = Assert.Single(suggestions);
        Assert.Equal((id, owner, "email", "vic@example.com"), (suggestion.CustomerId, suggestion.OtherCustomerId, suggestion.Channel, suggestion.Value));
    }

    private IStateStorage Storage(string store) => TestStores.Create(store, _folder, postgres.ConnectionString);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
