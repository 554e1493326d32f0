using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Intents;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Crm.Testing;

namespace Crm.Grains.Tests.Intents;

/// <summary>Corrections' examples and trained versions on each store: written with the customer, read per workspace, gone with an erase.</summary>
public sealed class WorkspaceIntentDataTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-intent-data-");

    public static TheoryData<string> Stores => TestStores.Names;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_correction_stores_the_voting_messages_of_its_workspace_and_an_erase_removes_them(string store)
    {
        var workspace = $"learn-{store}";
        var storage = Storage(store);
        await using var silo = await CrmSilo.StartAsync(storage);
        var id = await silo.SendAsync(workspace, Events.Message(Channel.Email, "old@example.com", CrmSilo.Start.AddDays(-20), "an old message, out of the window"));
        await silo.SendAsync(workspace, Events.Message(Channel.Email, "old@example.com", CrmSilo.Start, "where is my parcel?"));
        await silo.SendAsync(workspace, Events.Message(Channel.Email, "old@example.com", CrmSilo.Start.AddMinutes(1), new string('a', 600)));
        await silo.SendAsync("elsewhere", Events.Message(Channel.Email, "other@example.com", CrmSilo.Start, "another workspace's message"));
        var customer = silo.Grains.GetGrain<ICustomerGrain>($"{workspace}/{id}");
        var data = WorkspaceIntentData.For(storage);

        await customer.CorrectIntent(Intent.Support, null, "key:agent-1");
        var stored = await data.ExamplesAsync(workspace, 10, CancellationToken.None);
        await customer.CorrectIntent(Intent.General, null, "key:agent-1");
        var relabelled = await data.ExamplesAsync(workspace, 10, CancellationToken.None);
        await customer.CorrectIntent(Intent.NoEngagement, null, "key:agent-1");
        var afterNoEngagement = await data.ExamplesAsync(workspace, 10, CancellationToken.None);
        await customer.Erase("key:agent-1");

        Assert.Equal([new LabelledMessage("where is my parcel?", Intent.Support), new LabelledMessage(new string('a', IntentCorrectionRules.ExampleTextLimit), Intent.Support)], stored.OrderBy(e => e.Text.Length));
        Assert.All(relabelled, example => Assert.Equal(Intent.General, example.Intent));
        Assert.Equal(2, relabelled.Count);
        Assert.Equal(relabelled, afterNoEngagement);
        Assert.Empty(await data.ExamplesAsync(workspace, 10, CancellationToken.None));
        Assert.Empty(await data.ExamplesAsync("elsewhere", 10, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Trained_versions_read_back_by_workspace_and_version_until_the_versions_before_one_are_dropped(string store)
    {
        var storage = Storage(store);
        await using var silo = await CrmSilo.StartAsync(storage);
        var data = WorkspaceIntentData.For(storage);
        var workspace = $"models-{store}";

        for (var version = 1; version <= 3; version++)
        {
            await data.SaveModelAsync(workspace, version, CrmSilo.Start, [(byte)version, 42], CancellationToken.None);
        }

        await data.SaveModelAsync("another", 1, CrmSilo.Start, [1, 7], CancellationToken.None);
        Assert.Equal([2, 42], await data.LoadModelAsync(workspace, 2, CancellationToken.None));
        await data.DropVersionsBeforeAsync(workspace, 3, CancellationToken.None);

        Assert.Null(await data.LoadModelAsync(workspace, 1, CancellationToken.None));
        Assert.Null(await data.LoadModelAsync(workspace, 2, CancellationToken.None));
        Assert.Equal([3, 42], await data.LoadModelAsync(workspace, 3, CancellationToken.None));
        Assert.Equal([1, 7], await data.LoadModelAsync("another", 1, CancellationToken.None));
        Assert.Null(await data.LoadModelAsync("another", 3, CancellationToken.None));
    }

    private IStateStorage Storage(string store) => TestStores.Create(store, _folder, postgres.ConnectionString);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
