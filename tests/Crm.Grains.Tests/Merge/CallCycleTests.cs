using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Merge;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Tests.Merge;

/// <summary>
/// Orleans has no deadlock detection: a call cycle between grains that cannot interleave waits for the response
/// timeout. Each place where grains call back into each other is designed so it cannot wait on itself; each test here
/// drives that place with a silo whose response timeout is short, and would time out without the design
/// (<c>[AlwaysInterleave]</c> on the callee, or the survivor reservation of the merge protocol).
/// </summary>
public sealed class CallCycleTests
{
    private const string Workspace = "acme";
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(4);
    private static readonly SiloOptions ShortTimeout = new() { ResponseTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Customers_claiming_each_others_identities_while_those_identities_wait_on_them_both_finish()
    {
        await using var silo = await CrmSilo.StartClusterAsync(1, options: ShortTimeout);
        var ingest = silo.Ingestor();

        // Identity a waits on its new customer, which claims identity b; identity b waits on its customer, which claims a.
        var crosswise = Enumerable.Range(0, 20).SelectMany(pair => new[]
        {
            ingest.IngestAsync(Workspace, Identify($"a{pair}@example.com", $"b{pair}@example.com")),
            ingest.IngestAsync(Workspace, Identify($"b{pair}@example.com", $"a{pair}@example.com")),
        });
        var results = await Task.WhenAll(crosswise).WaitAsync(Answer * 3);

        Assert.All(results, result => Assert.Equal(IngestStatus.Accepted, result.Status));
    }

    [Fact]
    public async Task Erasing_through_a_merged_id_reaches_back_to_the_tombstone_that_forwarded_it()
    {
        await using var silo = await CrmSilo.StartClusterAsync(1, options: ShortTimeout);
        var survivor = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "e1@example.com", CrmSilo.Start));
        var merged = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "e2@example.com", CrmSilo.Start));
        await silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, survivor, merged)).Merge(survivor, merged, "agent:test", dryRun: false);

        // The tombstone forwards the erase to its survivor, which erases its tombstones: the first among them is still busy forwarding.
        await Customer(silo, merged).Erase("agent:dpo").WaitAsync(Answer);

        Assert.True((await Customer(silo, survivor).Status()).Erased);
        Assert.Equal(new CustomerStatus(true, survivor, Erased: true), await Customer(silo, merged).Status());
    }

    [Fact]
    public async Task Opposing_merges_of_one_pair_queue_on_one_merge_record()
    {
        await using var silo = await CrmSilo.StartClusterAsync(1, options: ShortTimeout);
        var a = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "ann@example.com", CrmSilo.Start));
        var b = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "ben@example.com", CrmSilo.Start));

        var outcomes = await Task.WhenAll(Attempt(silo, a, b), Attempt(silo, b, a)).WaitAsync(Answer);

        Assert.Single(outcomes, error => error is null);
        Assert.Single(outcomes, error => error is MergeRefusedException);
    }

    [Fact]
    public async Task Three_merges_around_a_cycle_never_leave_tombstones_forwarding_to_each_other()
    {
        await using var silo = await CrmSilo.StartClusterAsync(1, options: ShortTimeout, services: services => services.AddSingleton<IMergeFaults>(new HoldMergesTogether(3)));
        var a = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "a@example.com", CrmSilo.Start));
        var b = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "b@example.com", CrmSilo.Start));
        var c = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "c@example.com", CrmSilo.Start));

        // Every merge checks its pair is live before any retires a duplicate: without the survivor reservation all three
        // retire, a → c → b → a forward around the cycle, and every call to them loops until it times out.
        await Task.WhenAll(Attempt(silo, a, b), Attempt(silo, b, c), Attempt(silo, c, a)).WaitAsync(Answer * 2);
        var views = await Task.WhenAll(new[] { a, b, c }.Select(id => Customer(silo, id).Get())).WaitAsync(Answer);
        var statuses = await Task.WhenAll(new[] { a, b, c }.Select(id => Customer(silo, id).Status()));

        Assert.Contains(statuses, status => status.IsLive);
        Assert.All(views, view => Assert.NotNull(view));
        Assert.Equal(3, views.DistinctBy(view => view!.Id).Sum(view => view!.Messages));
    }

    private static EngagementEvent Identify(string identity, string claimed) =>
        Events.Identify(Channel.Email, identity, CrmSilo.Start, new Traits { Identities = [new ChannelIdentity(Channel.Email, claimed)] });

    private static async Task<Exception?> Attempt(CrmSilo silo, string survivor, string duplicate)
    {
        try
        {
            await silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, survivor, duplicate)).Merge(survivor, duplicate, "agent:test", dryRun: false);
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    private static ICustomerGrain Customer(CrmSilo silo, string id) => silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}");
}
