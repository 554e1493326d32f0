using System.Net;
using Crm.Silo.Clustering;
using Crm.Silo.Diagnostics;
using Crm.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Providers;
using Orleans.Storage;

namespace Crm.Silo.Hosting;

public static class CrmSiloHosting
{
    /// <summary>
    /// Co-hosts this node's Orleans silo: settings from the <c>Silo</c>, <c>Cluster</c> and <c>Storage</c> sections
    /// (checked here, so a bad one stops the start naming it), the cluster (<see cref="UseCrmCluster"/>), and the
    /// group-commit storage as the default grain storage.
    /// </summary>
    public static IHostApplicationBuilder AddCrmSilo(this IHostApplicationBuilder builder, Action<StateModel> describeStates)
    {
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        var silo = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        var cluster = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        silo.Validate();
        cluster.Validate();
        storage.ResolveConnectionString();
        if (storage.Provider != StorageProviderKind.Postgres)
        {
            cluster.RequireOneNode(storage.Provider.ToString());
        }

        builder.UseOrleans(orleans =>
        {
            orleans.UseCrmCluster(cluster, storage);
            orleans.AddCrmStorage(silo, describeStates);
            orleans.AddCrmTelemetry();
            orleans.UseClusterTls(ClusterTlsSettings.FromConfiguration(builder.Configuration));
        });
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(_ => StorageFor(storage));
        return builder;
    }

    /// <summary>
    /// On PostgreSQL, membership and reminders in the database (so every node with the same cluster id and database
    /// joins one cluster); otherwise one node with localhost clustering and reminders in memory, which the grains that
    /// use them register again at every start.
    /// </summary>
    public static ISiloBuilder UseCrmCluster(this ISiloBuilder orleans, ClusterSettings cluster, StorageOptions storage)
    {
        if (storage.Provider != StorageProviderKind.Postgres)
        {
            orleans.UseOneNodeCluster(cluster);
            return orleans.UseInMemoryReminderService();
        }

        var connectionString = storage.ResolveConnectionString();
        var (siloPort, gatewayPort) = cluster.ResolvePorts();
        var advertised = cluster.ResolveAdvertisedAddress();
        orleans.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.EffectiveId;
            options.ServiceId = cluster.EffectiveServiceId;
        });
        orleans.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        orleans.Configure<ClusterMembershipOptions>(ClusterMembership.Tune);
        orleans.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new ClusterSchemaInstaller(connectionString));
        orleans.UseAdoNetClustering(options =>
        {
            options.Invariant = ClusterMembership.NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        return orleans.UseAdoNetReminderService(options =>
        {
            options.Invariant = ClusterMembership.NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>A cluster of this one silo (localhost clustering) on the ports of <paramref name="cluster"/>, free ones where they are 0.</summary>
    public static ISiloBuilder UseOneNodeCluster(this ISiloBuilder orleans, ClusterSettings cluster)
    {
        var (siloPort, gatewayPort) = cluster.ResolvePorts();
        return orleans.UseLocalhostClustering(siloPort, gatewayPort, serviceId: cluster.EffectiveServiceId, clusterId: cluster.EffectiveId);
    }

    /// <summary>
    /// The parts of a silo that are ours, for the service and for test clusters alike: scheduling limits, collection age,
    /// response timeout, the group-commit storage as the default grain storage, and the <c>[ReadModelState]</c> facet.
    /// The store itself is the <see cref="IStateStorage"/> the caller registers.
    /// </summary>
    public static ISiloBuilder AddCrmStorage(this ISiloBuilder orleans, SiloOptions silo, Action<StateModel> describeStates)
    {
        silo.Validate();
        var model = new StateModel();
        describeStates(model);

        orleans.Configure<SiloMessagingOptions>(messaging =>
        {
            messaging.ResponseTimeout = silo.ResponseTimeout;
            messaging.MaxEnqueuedRequestsHardLimit = silo.MaxQueuedRequestsPerActivation;
            messaging.MaxEnqueuedRequestsSoftLimit = 0;
        });
        orleans.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = silo.DefaultCollectionAge);

        // Orleans rebuilds exception types across silos only from known namespaces: a database error raised on another
        // silo must arrive as itself, so the service can tell a transient one (503) from a bug.
        orleans.Configure<ExceptionSerializationOptions>(exceptions => exceptions.SupportedNamespacePrefixes.Add("Npgsql"));

        var services = orleans.Services;
        services.AddSingleton(silo);
        services.AddSingleton(model);
        services.TryAddSingleton<StorageMetrics>();
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (provider, _) => new GroupCommitGrainStorage(
            provider.GetRequiredService<IStateStorage>(),
            model,
            silo.GroupCommit,
            provider.GetRequiredService<StorageMetrics>()));
        services.AddSingleton<IAttributeToFactoryMapper<ReadModelStateAttribute>, ReadModelStateMapper>();
        return orleans;
    }

    private static IStateStorage StorageFor(StorageOptions storage) => storage.Provider switch
    {
        StorageProviderKind.Memory => new MemoryStateStorage(),
        StorageProviderKind.Sqlite => new SqliteStateStorage(storage.ResolveConnectionString()),
        StorageProviderKind.Postgres => new PostgresStateStorage(storage.ResolveConnectionString()),
        _ => throw new InvalidOperationException($"Unknown storage provider '{storage.Provider}'."),
    };
}
