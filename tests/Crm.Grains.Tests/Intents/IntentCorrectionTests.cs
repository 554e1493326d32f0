using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Intents;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Tests.Intents;

public sealed class IntentCorrectionTests
{
    private const string Acme = "acme";
    private const string Globex = "globex";
    private const string SalesQuestion = "how much is the pro plan? I want to buy it for my team";

    [Fact]
    public async Task A_correction_stands_while_the_computed_intent_holds_is_what_segments_see_and_yields_when_silence_moves_it()
    {
        await using var silo = await CrmSilo.StartAsync();
        var needsHelp = await silo.Grains.GetGrain<ISegmentCatalogGrain>(Acme).Create(new SegmentDraft { Name = "Needs help", Kind = SegmentKind.Rule, Rule = "intent = support" });
        var id = await silo.SendAsync(Acme, Events.Message(Channel.Email, "kim@example.com", CrmSilo.Start, SalesQuestion));
        var customer = silo.Grains.GetGrain<ICustomerGrain>($"{Acme}/{id}");

        var corrected = await customer.CorrectIntent(Intent.Support, "wants help, not a new plan", "key:agent-1");
        silo.Clock.Advance(TimeSpan.FromDays(2));
        await customer.Refresh();
        var twoDaysLater = (await customer.Get())!;
        silo.Clock.Advance(TimeSpan.FromDays(40));
        await customer.Refresh();
        var silent = (await customer.Get())!;

        Assert.Equal(new IntentCorrection(Intent.Support, "key:agent-1", CrmSilo.Start, "wants help, not a new plan", Intent.SalesOpportunity), corrected.IntentCorrection);
        Assert.Contains(needsHelp.Id, corrected.Segments);
        Assert.Equal(Intent.Support, twoDaysLater.Intent.Intent);
        Assert.NotNull(twoDaysLater.IntentCorrection);
        Assert.Equal(Intent.NoEngagement, silent.Intent.Intent);
        Assert.Null(silent.IntentCorrection);
        Assert.DoesNotContain(needsHelp.Id, silent.Segments);
    }

    [Fact]
    public async Task A_note_longer_than_the_limit_is_refused_before_anything_changes()
    {
        await using var silo = await CrmSilo.StartAsync();
        var id = await silo.SendAsync(Acme, Events.Message(Channel.Email, "kim@example.com", CrmSilo.Start, SalesQuestion));
        var customer = silo.Grains.GetGrain<ICustomerGrain>($"{Acme}/{id}");

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => customer.CorrectIntent(Intent.General, new string('x', IntentCorrectionRules.NoteMaxLength + 1), "key:agent-1"));

        Assert.Equal("note", refused.Error.Field);
        Assert.Null((await customer.Get())!.IntentCorrection);
        Assert.Equal(Intent.SalesOpportunity, (await customer.Get())!.Intent.Intent);
    }

    [Fact]
    public void Resolve_keeps_the_correction_while_the_computed_intent_is_what_it_was_and_drops_it_once_it_moves()
    {
        var correction = new IntentCorrection(Intent.General, "key:a", CrmSilo.Start, null, Intent.SalesOpportunity);
        var stillSales = new IntentSignal(Intent.SalesOpportunity, 0.8, ["viewed pricing"]);
        var nowSupport = new IntentSignal(Intent.Support, 0.7, ["'refund' suggests support"]);

        var (standing, standingExpired) = IntentCorrectionRules.Resolve(correction, stillSales);
        var (moved, movedExpired) = IntentCorrectionRules.Resolve(correction, nowSupport);
        var (confirmed, _) = IntentCorrectionRules.Resolve(correction with { Intent = Intent.SalesOpportunity }, stillSales);

        Assert.Equal((Intent.General, 1.0, false), (standing.Intent, standing.Score, standingExpired));
        Assert.Equal(["corrected by key:a"], standing.Reasons);
        Assert.Equal((Intent.Support, true), (moved.Intent, movedExpired));
        Assert.Equal(["'refund' suggests support", "replaces the correction of key:a"], moved.Reasons);
        Assert.Equal(["confirmed by key:a", "viewed pricing"], confirmed.Reasons);
        var agent = Assert.Single(standing.Why);
        Assert.Equal((IntentReasonKind.Agent, "corrected by key:a", CrmSilo.Start), (agent.Kind, agent.Text, agent.At));
    }

    [Fact]
    public void A_correction_with_a_note_shows_the_note_in_its_why_and_a_confirmation_keeps_the_computed_why_after_it()
    {
        var computed = IntentSignal.Of(Intent.SalesOpportunity, 0.8, [new IntentReason { Kind = IntentReasonKind.PricingView, Text = "viewed pricing", Share = 1.0 }]);
        var confirmation = new IntentCorrection(Intent.SalesOpportunity, "key:a", CrmSilo.Start, "asked for a quote", Intent.SalesOpportunity);

        var confirmed = IntentCorrectionRules.Signal(confirmation, computed);

        Assert.Equal([IntentReasonKind.Agent, IntentReasonKind.PricingView], confirmed.Why.Select(reason => reason.Kind));
        Assert.Equal("confirmed by key:a: asked for a quote", confirmed.Why[0].Text);
    }

    [Fact]
    public async Task Only_the_corrected_workspace_learns_and_every_node_reads_new_messages_like_the_correction()
    {
        // Copies never age out here: only the broadcast of the new version can move a node that already read version 0.
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services => services
            .AddSingleton(new IntentModelOptions { RetrainDelay = TimeSpan.FromMilliseconds(100) })
            .AddSingleton(new Crm.Grains.Nodes.NodeOptions { CacheMaxAge = TimeSpan.FromHours(1) }));
        var shipped = silo.ServicesOn(1).GetRequiredService<IIntentTextModel>();
        Assert.Same(shipped, await Reader(silo, 1).ModelAsync(Acme));
        string[] taught = ["zorblat quindle froobic", "froobic vantrix zorblat", "quindle plimsy froobic"];
        string? teacher = null;
        for (var i = 0; i < taught.Length; i++)
        {
            teacher = await silo.SendAsync(Acme, Events.Message(Channel.Email, "teacher@example.com", CrmSilo.Start.AddMinutes(i), taught[i]));
        }

        await silo.Grains.GetGrain<ICustomerGrain>($"{Acme}/{teacher}").CorrectIntent(Intent.Support, null, "key:agent-1");
        var model = silo.Grains.GetGrain<IIntentModelGrain>(Acme);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (await model.Describe() is { Version: 0 } or { RetrainPending: true })
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the workspace's model was not retrained");
            await Task.Delay(100);
        }

        var acmeReaders = await Task.WhenAll(Reader(silo, 0).ModelAsync(Acme), Reader(silo, 1).ModelAsync(Acme));
        var globexReader = await Reader(silo, 1).ModelAsync(Globex);

        Assert.Equal(3, (await model.Describe()).ExamplesLearnt);
        Assert.All(acmeReaders, reader => Assert.Equal(Intent.Support, reader.Predict("plimsy zorblat vantrix").Intent));
        Assert.NotEqual(Intent.Support, shipped.Predict("plimsy zorblat vantrix").Intent);
        Assert.Same(shipped, globexReader);
        Assert.Equal(0, await silo.Grains.GetGrain<IIntentModelGrain>(Globex).CurrentVersion());
    }

    [Fact]
    public void Examples_beyond_the_newest_of_a_workspace_are_dropped_and_other_workspaces_keep_theirs()
    {
        var store = new Crm.Silo.Storage.MemoryRowStore();
        var writer = new IntentExampleWriter();
        var rows = Enumerable.Range(0, IntentExampleWriter.MaxExamplesPerWorkspace + 5)
            .Select(i => (object)new IntentExampleRow(Acme, $"c{i}", CrmSilo.Start, $"text {i}", Intent.Support, "key:a", CrmSilo.Start.AddSeconds(i)))
            .Append(new IntentExampleRow(Globex, "g", CrmSilo.Start, "other text", Intent.General, "key:b", CrmSilo.Start))
            .ToArray();

        writer.Write(store, rows);
        var kept = store.Table(IntentExampleWriter.MemoryTable).Values.OfType<IntentExampleRow>().ToArray();

        Assert.Equal(IntentExampleWriter.MaxExamplesPerWorkspace, kept.Count(row => row.Workspace == Acme));
        Assert.DoesNotContain(kept, row => row.Text is "text 0" or "text 4");
        Assert.Contains(kept, row => row.Workspace == Globex);
    }

    private static IMessageIntentReader Reader(CrmSilo silo, int node) => silo.ServicesOn(node).GetRequiredService<IMessageIntentReader>();
}
