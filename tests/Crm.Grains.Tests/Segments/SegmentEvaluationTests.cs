using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Tests.Segments;

/// <summary>Segment changes reach customers that do not change themselves: evaluation passes over the whole workspace.</summary>
public abstract class SegmentEvaluationTests
{
    /// <summary>Its own workspace per test, since the PostgreSQL variant shares one database.</summary>
    private readonly string _workspace = $"acme{Guid.NewGuid():N}";

    /// <summary>More than one page of the pass, so paging and its cursor are exercised.</summary>
    private const int Customers = 300;

    protected abstract IStateStorage NewStorage();

    [Fact]
    public async Task A_new_rule_segment_gains_every_customer_that_already_matches_and_no_other()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        var spent = await SeedAsync(silo);

        var segment = await Catalog(silo).Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        await EvaluatedAsync(silo);

        Assert.Equal(spent.Count(customer => customer.Value >= 100m), await silo.Grains.GetGrain<ISegmentGrain>($"{_workspace}/{segment.Id}").CountMembers());
        foreach (var (id, value) in spent)
        {
            var customer = await Customer(silo, id).Get();
            Assert.Equal(value >= 100m, customer!.Segments.Contains(segment.Id));
        }
    }

    [Fact]
    public async Task Editing_a_rule_moves_customers_in_and_out_and_deleting_a_segment_leaves_no_customer_naming_it()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        var spent = await SeedAsync(silo);
        var segment = await Catalog(silo).Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        await EvaluatedAsync(silo);

        await Catalog(silo).Update(segment.Id, new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 200" });
        await EvaluatedAsync(silo);
        var afterEdit = await silo.Grains.GetGrain<ISegmentGrain>($"{_workspace}/{segment.Id}").CountMembers();
        await Catalog(silo).Delete(segment.Id);
        await EvaluatedAsync(silo);

        Assert.Equal(spent.Count(customer => customer.Value >= 200m), afterEdit);
        Assert.InRange(afterEdit, 1, spent.Count(customer => customer.Value >= 100m) - 1);
        foreach (var id in spent.Keys)
        {
            Assert.DoesNotContain(segment.Id, (await Customer(silo, id).Get())!.Segments);
        }
    }

    [Fact]
    public async Task Only_customers_whose_membership_changes_are_written()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        var spent = await SeedAsync(silo);
        var commitsBefore = silo.Changes.Published.Count;

        await Catalog(silo).Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        await EvaluatedAsync(silo);

        var committed = silo.Changes.Published.Skip(commitsBefore).Select(change => change.CustomerId).ToArray();
        Assert.Equal(spent.Where(customer => customer.Value >= 100m).Select(customer => customer.Key).Order(), committed.Order());
    }

    [Fact]
    public async Task Creating_a_static_segment_evaluates_no_one()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        await SeedAsync(silo);
        var commitsBefore = silo.Changes.Published.Count;

        await Catalog(silo).Create(new SegmentDraft { Name = "Call back", Kind = SegmentKind.Static });

        Assert.Equal(0, await Catalog(silo).GetMembershipVersion());
        Assert.Equal(new SegmentEvaluationStatus(EvaluatedVersion: 0, TargetVersion: 0, Running: false), await silo.Grains.GetGrain<ISegmentEvaluationGrain>(_workspace).Status());
        Assert.Equal(commitsBefore, silo.Changes.Published.Count);
    }

    [Fact]
    public async Task An_evaluation_whose_start_failed_runs_when_the_sweep_starts_it_again()
    {
        var memory = new MemoryStateStorage();
        await using var silo = await CrmSilo.StartAsync(new FailingOnceStorage(memory, writeType: "segmentevaluation"), services => services
            .AddSingleton(SegmentQueries.For(memory))
            .AddSingleton(SweepQueries.For(memory)));
        var spent = await SeedAsync(silo);

        var segment = await Catalog(silo).Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        var members = silo.Grains.GetGrain<ISegmentGrain>($"{_workspace}/{segment.Id}");
        var evaluation = silo.Grains.GetGrain<ISegmentEvaluationGrain>(_workspace);
        var beforeRetry = await evaluation.Status();
        var version = await Catalog(silo).GetMembershipVersion();
        await evaluation.Evaluate(version);
        await EvaluatedAsync(silo);

        Assert.Equal(new SegmentEvaluationStatus(EvaluatedVersion: 0, TargetVersion: 0, Running: false), beforeRetry);
        Assert.Equal(spent.Count(customer => customer.Value >= 100m), await members.CountMembers());
    }

    /// <summary>Customers with a spread of lifetime values, by customer id.</summary>
    private async Task<Dictionary<string, decimal>> SeedAsync(CrmSilo silo)
    {
        var spent = new Dictionary<string, decimal>();
        for (var i = 0; i < Customers; i++)
        {
            var amount = 30m + (i % 5 * 60m);
            var id = await silo.SendAsync(_workspace, Events.Order(Channel.Email, $"buyer{i}@example.com", CrmSilo.Start, $"o-{i}", amount));
            spent[id] = amount;
        }

        return spent;
    }

    /// <summary>Waits (at most 30 s) until every customer was evaluated against the catalog's current version.</summary>
    private async Task EvaluatedAsync(CrmSilo silo)
    {
        var version = await Catalog(silo).GetMembershipVersion();
        var evaluation = silo.Grains.GetGrain<ISegmentEvaluationGrain>(_workspace);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await evaluation.Status()).EvaluatedVersion < version)
        {
            Assert.True(DateTime.UtcNow < deadline, $"segments not evaluated against catalog version {version} within 30 s");
            await Task.Delay(20);
        }
    }

    private ISegmentCatalogGrain Catalog(CrmSilo silo) => silo.Grains.GetGrain<ISegmentCatalogGrain>(_workspace);

    private ICustomerGrain Customer(CrmSilo silo, string id) => silo.Grains.GetGrain<ICustomerGrain>($"{_workspace}/{id}");
}

public sealed class MemorySegmentEvaluationTests : SegmentEvaluationTests
{
    protected override IStateStorage NewStorage() => new MemoryStateStorage();
}

public sealed class PostgresSegmentEvaluationTests(PostgresTestDatabase postgres) : SegmentEvaluationTests, IClassFixture<PostgresTestDatabase>
{
    protected override IStateStorage NewStorage() => new PostgresStateStorage(postgres.ConnectionString);
}
