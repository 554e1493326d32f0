using Crm.Grains.Customers;
using Crm.Grains.Ingest;
using Crm.Grains.Ingest.Idempotency;
using Crm.Grains.Intents;
using Crm.Grains.Workspaces;
using Crm.Silo.Hosting;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>
/// Real Orleans silos (<see cref="InProcessTestCluster"/>) with the CRM grains, sharing one storage (memory unless a
/// test passes another, which outlives the silos until the test is done) and one clock the test controls. Calls go through the first silo's grain factory, as the
/// service's co-hosted calls do.
/// </summary>
public sealed class CrmSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private CrmSilo(InProcessTestCluster cluster, IStateStorage storage, ManualClock clock)
    {
        Cluster = cluster;
        Storage = storage;
        Clock = clock;
    }

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => Cluster.Silos[0].ServiceProvider;

    /// <summary>The grain factory of silo <paramref name="index"/>: calls enter the cluster there, as requests to one node of several do.</summary>
    public IGrainFactory GrainsOn(int index) => Cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>The ingest path as the service takes it on silo 0: through that node's grain factory and settings cache.</summary>
    public EventIngestor Ingestor() => IngestorOn(0);

    /// <summary>The ingest path entering the cluster at silo <paramref name="index"/>, with that node's settings cache.</summary>
    public EventIngestor IngestorOn(int index) => new(GrainsOn(index), ServicesOn(index).GetRequiredService<WorkspaceSettingsCache>());

    /// <summary>The services of silo <paramref name="index"/>: its caches, its node membership.</summary>
    public IServiceProvider ServicesOn(int index) => Cluster.Silos[index].ServiceProvider;

    /// <summary>Makes sure the grain's activation is on silo <paramref name="index"/>, moving it there if need be.</summary>
    public async Task PlaceOnAsync(IAddressable grain, int index)
    {
        var target = Cluster.Silos[index].SiloAddress;

        // Migrating to the silo the activation is on already would wait for a move that never happens.
        if (!Cluster.TryGetGrainContext(grain.GetGrainId(), out var current) || current.Address.SiloAddress != target)
        {
            await Cluster.MigrateAsync(grain, target);
        }

        Assert.True(Cluster.TryGetGrainContext(grain.GetGrainId(), out var context), $"{grain.GetGrainId()} is not active after its migration");
        Assert.Equal(target, context.Address.SiloAddress);
    }

    public IStateStorage Storage { get; }

    public ManualClock Clock { get; }

    public RecordingChangeSink Changes => (RecordingChangeSink)Services.GetRequiredService<ICustomerChangeSink>();

    public static Task<CrmSilo> StartAsync(IStateStorage? storage = null, Action<IServiceCollection>? services = null) =>
        StartClusterAsync(1, storage, services);

    /// <summary>Starts <paramref name="silos"/> silos forming one cluster over the same storage, as nodes over one database would.</summary>
    public static async Task<CrmSilo> StartClusterAsync(int silos, IStateStorage? storage = null, Action<IServiceCollection>? services = null, SiloOptions? options = null, Action<ISiloBuilder>? configure = null)
    {
        storage ??= new MemoryStateStorage();
        var clock = new ManualClock(Start);
        var builder = new InProcessTestClusterBuilder((short)silos);
        // Only moving activations between silos needs the cluster's own client; one silo starts faster without it.
        builder.Options.InitializeClientOnDeploy = silos > 1;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(GrainClock.Key, clock);
            silo.Services.AddSingleton<ICustomerChangeSink, RecordingChangeSink>();
            services?.Invoke(silo.Services);
            if (storage is IWrappedStorage wrapped)
            {
                silo.Services.AddSingleton(AppliedEvents.For(wrapped.Inner));
                silo.Services.AddSingleton(WorkspaceIntentData.For(wrapped.Inner));
            }

            silo.Services.AddCrmGrainServices();
            silo.Services.AddSingleton(storage);
            silo.AddCrmStorage(options ?? new SiloOptions(), states => states.AddCrmGrainStates());
            silo.UseInMemoryReminderService();
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new CrmSilo(cluster, storage, clock);
    }

    /// <summary>Sends one event through the ingest path, asserts it was accepted and returns the customer that holds it.</summary>
    public async Task<string> SendAsync(string workspace, EngagementEvent @event)
    {
        var result = await Ingestor().IngestAsync(workspace, @event);
        Assert.Equal(IngestStatus.Accepted, result.Status);
        return result.CustomerId!;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
