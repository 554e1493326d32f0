using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Orleans.Runtime;

namespace Crm.Grains.Tests.Customers;

public sealed class StorageFailureTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task An_identity_whose_ownership_write_failed_keeps_no_unstored_owner()
    {
        var store = new MemoryStore();
        string first;
        await using (var silo = await CrmSilo.StartAsync(new FailingOnceStorage(new MemoryStateStorage(store), writeType: "identity")))
        {
            // Orleans' persistent-state bridge wraps what the storage threw, keeping it as the inner exception.
            var failure = await Assert.ThrowsAsync<OrleansException>(() => silo.Ingestor().IngestAsync(Workspace, Events.Message(Channel.Email, "uma@example.com", CrmSilo.Start)));
            Assert.IsType<IOException>(failure.InnerException);
            first = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "uma@example.com", CrmSilo.Start));
        }

        await using var again = await CrmSilo.StartAsync(new MemoryStateStorage(store));
        var second = await again.SendAsync(Workspace, Events.Message(Channel.Email, "uma@example.com", CrmSilo.Start.AddHours(1)));

        Assert.Equal(first, second);
        Assert.Single(store.Rows.Table(CustomerRowWriter.MemoryTable));
    }

    [Fact]
    public async Task A_change_that_failed_before_its_write_is_not_reported_done_by_a_retry()
    {
        var store = new MemoryStore();
        string id;
        await using (var silo = await CrmSilo.StartAsync(new MemoryStateStorage(store)))
        {
            id = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "vic@example.com", CrmSilo.Start));
        }

        await using (var silo = await CrmSilo.StartAsync(new FailingOnceStorage(new MemoryStateStorage(store), readType: "workspace")))
        {
            var grain = silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}");
            await Assert.ThrowsAnyAsync<Exception>(() => grain.AddTags(["vip"], "agent:test"));
            await grain.AddTags(["vip"], "agent:test");
        }

        await using var after = await CrmSilo.StartAsync(new MemoryStateStorage(store));
        Assert.Contains("vip", (await after.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}").Get())!.Tags);
    }

    [Fact]
    public async Task An_oversized_identity_is_rejected_before_it_can_fail_anyone_else_s_write()
    {
        await using var silo = await CrmSilo.StartAsync();

        var result = await silo.Ingestor().IngestAsync(Workspace, Events.Message(Channel.Widget, new string('w', 32_000), CrmSilo.Start));

        Assert.Equal(IngestStatus.Rejected, result.Status);
        Assert.Equal("identity", result.Error!.Field);
    }
}
