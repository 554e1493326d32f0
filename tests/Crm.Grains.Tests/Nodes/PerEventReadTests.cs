using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Grains.Nodes;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Crm.Grains.Tests.Nodes;

/// <summary>Events read their workspace's settings, segment rules and intent model version from their node's copy, not from the workspace-wide grains.</summary>
public sealed class PerEventReadTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task Ingesting_many_events_on_two_nodes_reads_settings_rules_and_the_intent_model_version_about_once_per_node()
    {
        var calls = new GrainCallCounter();
        await using var silo = await CrmSilo.StartClusterAsync(2, services: services =>
        {
            services.AddSingleton<IIncomingGrainCallFilter>(calls);
            services.AddSingleton(new NodeOptions { CacheMaxAge = TimeSpan.FromMinutes(30) });
        });
        await silo.GrainsOn(0).GetGrain<ISegmentCatalogGrain>(Workspace).Create(new SegmentDraft { Name = "Talkative", Kind = SegmentKind.Rule, Rule = "messages >= 2" });

        // The pass the new segment starts reads the catalog itself once per customer, by design: it is not an event's read.
        var evaluation = silo.GrainsOn(0).GetGrain<ISegmentEvaluationGrain>(Workspace);
        var version = await silo.GrainsOn(0).GetGrain<ISegmentCatalogGrain>(Workspace).GetMembershipVersion();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); (await evaluation.Status()).EvaluatedVersion < version && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(20);
        }

        var before = (Settings: calls[$"{nameof(IWorkspaceGrain)}.{nameof(IWorkspaceGrain.GetSettings)}"], Rules: calls[$"{nameof(ISegmentCatalogGrain)}.{nameof(ISegmentCatalogGrain.GetMembershipRules)}"]);

        const int Events = 300;
        var results = await Task.WhenAll(Enumerable.Range(0, Events).Select(i =>
            silo.IngestorOn(i % 2).IngestAsync(Workspace, Infrastructure.Events.Message(Channel.Email, $"c{i % 60}@example.com", CrmSilo.Start.AddSeconds(i)))));

        Assert.All(results, result => Assert.Equal(IngestStatus.Accepted, result.Status));
        var settingsReads = calls[$"{nameof(IWorkspaceGrain)}.{nameof(IWorkspaceGrain.GetSettings)}"] - before.Settings;
        var rulesReads = calls[$"{nameof(ISegmentCatalogGrain)}.{nameof(ISegmentCatalogGrain.GetMembershipRules)}"] - before.Rules;
        var modelReads = calls[$"{nameof(IIntentModelGrain)}.{nameof(IIntentModelGrain.CurrentVersion)}"];

        // Each node fetches once (concurrent misses share the fetch); the bound leaves room for a node rejoining the directory.
        Assert.InRange(settingsReads, 1, 4);
        Assert.InRange(rulesReads, 1, 4);
        Assert.InRange(modelReads, 1, 4);
    }
}
