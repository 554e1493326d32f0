using Crm.Grains.Access;
using Crm.Grains.Customers;
using Crm.Grains.Ingest.Idempotency;
using Crm.Grains.Intents;
using Crm.Grains.Merge;
using Crm.Grains.Nodes;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Serialization;
using Crm.Grains.Upgrade;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains;

public static class CrmGrainsRegistration
{
    /// <summary>Registers the CRM grains, their state contracts and the read-model tables written with their state.</summary>
    public static StateModel AddCrmGrainStates(this StateModel states) => states
        .AddJsonContracts(GrainStateJsonContext.Default)
        .AddRowWriter(new CustomerRowWriter())
        .AddRowWriter(new TimelineRowWriter())
        .AddRowWriter(new TimelineMoveWriter())
        .AddRowWriter(new StatsDeltaWriter())
        .AddRowWriter(new DuplicateSuggestionWriter())
        .AddRowWriter(new CustomerErasureWriter())
        .AddRowWriter(new AppliedEventWriter())
        .AddRowWriter(new IntentExampleWriter());

    /// <summary>
    /// The services the grains depend on: the clock, the intent and sentiment text models trained on the shipped examples
    /// (kept in the <see cref="TextModelStore"/> folder, <c>TextModels:Folder</c>, so a restart loads them), a change
    /// sink that a host replaces to watch changes live, the process-wide cache of compiled segment rules, and segment,
    /// sweep, timeline and duplicate queries and the ledger of applied event ids over the store the silo writes to. A host adds <see cref="SweepScheduler"/> to have sweeps wake by reminder,
    /// and <see cref="IdentityUpgradeStarter"/> to run the identity upgrade and open this node's <see cref="IdentityUpgradeGate"/> when it is done.
    /// The node's membership in the node directory, the broadcasts that reach every node, and this node's caches of
    /// settings, membership rules, keys and workspaces' intent model versions, which those broadcasts invalidate; a host adds its own <see cref="INodeListener"/>s.
    /// A workspace's text model retrains after corrections as <see cref="IntentModelOptions"/> says; a host replaces the defaults.
    /// </summary>
    public static IServiceCollection AddCrmGrainServices(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton(GrainClock.Key, TimeProvider.System);
        services.TryAddSingleton<ICustomerChangeSink, NoCustomerChangeSink>();
        services.TryAddSingleton(provider => new TextModelStore(
            provider.GetService<IConfiguration>()?[TextModelStore.FolderSetting] ?? TextModelStore.DefaultFolder,
            provider.GetService<ILogger<TextModelStore>>()));
        services.TryAddSingleton(_ => IntentDataset.LoadEmbedded());
        services.TryAddSingleton<IIntentTextModel>(provider => IntentTextModel.LoadOrTrain(provider.GetRequiredService<TextModelStore>(), provider.GetRequiredService<IntentDataset>().Examples));
        services.TryAddSingleton<ISentimentModel>(provider => SentimentTextModel.LoadOrTrain(provider.GetRequiredService<TextModelStore>(), provider.GetRequiredService<IntentDataset>().Examples));
        services.TryAddSingleton<ShippedIntentFigures>();
        services.TryAddSingleton(provider => WorkspaceIntentData.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(new IntentModelOptions());
        services.TryAddSingleton<IMessageIntentReader, TextModelIntentReader>();
        services.TryAddSingleton<IMessageSentimentReader, TextModelSentimentReader>();
        services.TryAddSingleton<IMergeFaults, NoMergeFaults>();
        services.TryAddSingleton(_ => new CompiledRuleCache());
        services.TryAddSingleton(provider => SegmentQueries.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(provider => SweepQueries.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(provider => CustomerRecordQueries.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(provider => CustomerRecordQueries.ListFor(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(provider => AppliedEvents.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(new SweepOptions());
        services.TryAddSingleton(new IdempotencyOptions());
        services.TryAddSingleton(new IdentityUpgradeOptions());
        services.TryAddSingleton<IdentityUpgradeGate>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new NodeOptions());
        services.TryAddSingleton<NodeBroadcaster>();
        services.TryAddSingleton<NodeObserver>();
        services.TryAddSingleton<NodeMembership>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<NodeMembership>());
        services.AddNodeListener<WorkspaceSettingsCache>();
        services.AddNodeListener<MembershipRulesCache>();
        services.AddNodeListener<ApiKeyCache>();
        services.AddNodeListener<WorkspaceIntentModels>();
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> as a singleton that also hears this node's broadcasts.</summary>
    public static IServiceCollection AddNodeListener<T>(this IServiceCollection services)
        where T : class, INodeListener
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<INodeListener>(provider => provider.GetRequiredService<T>());
        return services;
    }
}
