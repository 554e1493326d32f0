using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crm.Silo.Storage;

namespace Crm.Silo.Hosting;

/// <summary>Everything the silo is configured with: grain classes, storage, JSON contracts and the scheduling limits.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    internal List<Type> GrainClasses { get; } = [];

    internal List<IJsonTypeInfoResolver> JsonResolvers { get; } = [];

    internal List<IStateRowWriter> RowWriters { get; } = [];

    internal Func<IServiceProvider, IGrainStorage>? StorageFactory { get; set; }

    /// <summary>Requests one activation may have waiting before callers get <see cref="GrainOverloadedException"/>.</summary>
    public int MaxQueuedRequestsPerActivation { get; set; } = 10_000;

    /// <summary>How long a caller waits for a response before <see cref="GrainResponseTimeoutException"/>: the backstop behind deadlock detection.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle age after which an activation is collected, unless its class says otherwise with <see cref="CollectionAgeLimitAttribute"/>.</summary>
    public TimeSpan DefaultCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations and overdue requests are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a graceful stop waits for activations to deactivate.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public GroupCommitOptions GroupCommit { get; } = new();

    public SiloOptions AddGrain<TGrain>() where TGrain : Grain => AddGrain(typeof(TGrain));

    public SiloOptions AddGrain(Type grainClass)
    {
        if (!GrainClasses.Contains(grainClass))
        {
            GrainClasses.Add(grainClass);
        }

        return this;
    }

    /// <summary>Registers every concrete <see cref="Grain"/> class of the assembly.</summary>
    public SiloOptions AddGrainsFromAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(type => type.IsClass && !type.IsAbstract && typeof(Grain).IsAssignableFrom(type)))
        {
            AddGrain(type);
        }

        return this;
    }

    /// <summary>Adds source-generated JSON contracts for state types (a <c>JsonSerializerContext</c>).</summary>
    public SiloOptions AddJsonContracts(IJsonTypeInfoResolver resolver)
    {
        JsonResolvers.Add(resolver);
        return this;
    }

    public SiloOptions AddRowWriter(IStateRowWriter writer)
    {
        RowWriters.Add(writer);
        return this;
    }

    public SiloOptions UseStorage(Func<IServiceProvider, IGrainStorage> factory)
    {
        StorageFactory = factory;
        return this;
    }

    public SiloOptions UseStorage(IGrainStorage storage) => UseStorage(_ => storage);

    /// <summary>The provider chosen by configuration: SQLite, PostgreSQL or memory.</summary>
    public SiloOptions UseStorage(StorageOptions storage) => UseStorage(_ => storage.Provider switch
    {
        StorageProviderKind.Memory => new MemoryGrainStorage(),
        StorageProviderKind.Sqlite => new SqliteGrainStorage(storage.ResolveConnectionString()),
        StorageProviderKind.Postgres => new PostgresGrainStorage(storage.ResolveConnectionString()),
        _ => throw new InvalidOperationException($"Unknown storage provider '{storage.Provider}'."),
    });

    /// <summary>Refuses settings that would stall the runtime, naming the setting.</summary>
    internal void Validate()
    {
        Require(MaxQueuedRequestsPerActivation > 0, nameof(MaxQueuedRequestsPerActivation), "must be at least 1");
        Require(ResponseTimeout > TimeSpan.Zero, nameof(ResponseTimeout), "must be positive");
        Require(DefaultCollectionAge > TimeSpan.Zero, nameof(DefaultCollectionAge), "must be positive");
        Require(CollectionQuantum > TimeSpan.Zero, nameof(CollectionQuantum), "must be positive");
        Require(ShutdownTimeout > TimeSpan.Zero, nameof(ShutdownTimeout), "must be positive");
        Require(GroupCommit.MaxBatchSize > 0, "GroupCommit:MaxBatchSize", "must be at least 1");
        Require(GroupCommit.MaxBatchDelay >= TimeSpan.Zero, "GroupCommit:MaxBatchDelay", "must not be negative");
    }

    private static void Require(bool valid, string setting, string rule)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"Silo:{setting} {rule}.");
        }
    }

    internal JsonSerializerOptions BuildJsonOptions() => new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine([.. JsonResolvers]),
    };
}
