using Crm.Grains.Customers;
using Crm.Grains.Intents;
using Crm.Grains.Merge;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Serialization;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        .AddRowWriter(new CustomerErasureWriter());

    /// <summary>
    /// The services the grains depend on: the clock, the intent text model trained on the shipped examples, a change
    /// sink that a host replaces to watch changes live, the process-wide cache of compiled segment rules, and segment,
    /// sweep, timeline and duplicate queries over the store the silo writes to. A host adds <see cref="SweepScheduler"/> to have sweeps wake by reminder.
    /// </summary>
    public static IServiceCollection AddCrmGrainServices(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton(GrainClock.Key, TimeProvider.System);
        services.TryAddSingleton<ICustomerChangeSink, NoCustomerChangeSink>();
        services.TryAddSingleton<IIntentTextModel>(_ => NaiveBayesIntentModel.LoadDefault());
        services.TryAddSingleton<IMessageIntentReader, TextModelIntentReader>();
        services.TryAddSingleton<IMergeFaults, NoMergeFaults>();
        services.TryAddSingleton(_ => new CompiledRuleCache());
        services.TryAddSingleton(provider => SegmentQueries.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(provider => SweepQueries.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(provider => CustomerRecordQueries.For(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(provider => CustomerRecordQueries.ListFor(provider.GetRequiredService<IStateStorage>()));
        services.TryAddSingleton(new SweepOptions());
        return services;
    }
}
