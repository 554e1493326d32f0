using System.Text.Json;
using Crm.Bench.Infrastructure;
using Crm.Bench.Runtime;
using Crm.Silo.Diagnostics;
using Crm.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Spectre.Console;

namespace Crm.Bench.Storage;

/// <summary>
/// Durable writes per second from 256 concurrent writers, each rewriting its own ~1 KB JSON state with ETag checks.
/// <i>Grouped</i> is our group-commit storage and <i>adonet</i> Orleans' own ADO.NET storage, both under the same 256
/// grains in one co-hosted silo; <i>single</i> is one transaction per write straight on the same store, as a CRUD app
/// writes. Every phase writes keys of its own; the PostgreSQL database and the SQLite file are the suite's own and
/// removed at the end.
/// </summary>
public static class StorageSuite
{
    private const int Writers = 256;

    public static async Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("storage", settings.Command);
        await using var database = await BenchDatabase.CreateAsync("storage");
        var sqliteFolder = Directory.CreateTempSubdirectory("crm-bench-");
        try
        {
            await AnsiConsole.Status().StartAsync("PostgreSQL", async context =>
            {
                await MeasurePostgresAsync(report, database.ConnectionString, settings, context);
                await MeasureSqliteAsync(report, $"Data Source={Path.Combine(sqliteFolder.FullName, "bench.db")}", settings, context);
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            sqliteFolder.Delete(recursive: true);
        }

        return report;
    }

    private static async Task MeasurePostgresAsync(BenchReport report, string connectionString, BenchSettings settings, StatusContext context)
    {
        await AdoNetStorageSchema.CreateAsync(connectionString);
        await using var storage = new PostgresStateStorage(connectionString);
        await using var silo = await BenchSilo.StartAsync(storage, DescribeStates, orleans => orleans.AddAdoNetGrainStorage(AdoNetProfileWriterGrain.StorageName, options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
        }));
        var metrics = silo.Services.GetRequiredService<StorageMetrics>();

        context.Status("PostgreSQL: one transaction per write");
        var single = await MeasureSingleAsync(storage, settings);
        context.Status("PostgreSQL: group commit, through grains");
        var grouped = await MeasureGrainsAsync(silo, GroupCommitProfileWriterGrain.TypeName, metrics, settings);
        context.Status("PostgreSQL: Orleans' ADO.NET storage, through grains");
        var adoNet = await MeasureGrainsAsync(silo, AdoNetProfileWriterGrain.TypeName, metrics, settings);
        context.Status("PostgreSQL: group commit, IGrainStorage called directly");
        var directGrouped = await MeasureGrainStorageAsync(silo, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, metrics, settings);
        context.Status("PostgreSQL: Orleans' ADO.NET storage, IGrainStorage called directly");
        var directAdoNet = await MeasureGrainStorageAsync(silo, AdoNetProfileWriterGrain.StorageName, metrics, settings);
        var (ourBytes, adoNetBytes) = await StoredBytesAsync(connectionString);

        report.Add("postgres.grouped_writes_per_sec", grouped.PerSecond, "writes/s",
            $"group-commit storage under {Writers} grains; {grouped.Describe()}; {ourBytes:N0} bytes of JSON per state");
        report.Add("postgres.adonet_writes_per_sec", adoNet.PerSecond, "writes/s",
            $"Orleans.Persistence.AdoNet 10.4.2 under the same grains (Npgsql, pool of {new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize}, Orleans' default Newtonsoft JSON serializer); {adoNet.Describe()}; {adoNetBytes:N0} bytes per state");
        report.Add("postgres.ratio_vs_adonet", grouped.PerSecond / adoNet.PerSecond, "x", "grouped / adonet, both through grains (goal ≥ 5)");
        report.Add("postgres.single_writes_per_sec", single.PerSecond, "writes/s", $"{Writers} writers straight on PostgresStateStorage; {single.Describe()}");
        report.Add("postgres.ratio", grouped.PerSecond / single.PerSecond, "x",
            $"grouped (through grains) / single (on the store): grain calls count against grouped only; the storage alone, direct grouped / single: {directGrouped.PerSecond / single.PerSecond:0.0}");
        report.Add("postgres.direct.grouped_writes_per_sec", directGrouped.PerSecond, "writes/s", $"IGrainStorage.WriteStateAsync from {Writers} writers, no grain calls; {directGrouped.Describe()}");
        report.Add("postgres.direct.adonet_writes_per_sec", directAdoNet.PerSecond, "writes/s", $"the same for the ADO.NET storage; {directAdoNet.Describe()}");
        report.Add("postgres.direct.ratio_vs_adonet", directGrouped.PerSecond / directAdoNet.PerSecond, "x", "the storages alone");
    }

    private static async Task MeasureSqliteAsync(BenchReport report, string connectionString, BenchSettings settings, StatusContext context)
    {
        context.Status("SQLite");
        await using var storage = new SqliteStateStorage(connectionString);
        await using var silo = await BenchSilo.StartAsync(storage, DescribeStates);
        var metrics = silo.Services.GetRequiredService<StorageMetrics>();

        context.Status("SQLite: one transaction per write");
        var single = await MeasureSingleAsync(storage, settings);
        context.Status("SQLite: group commit, through grains");
        var grouped = await MeasureGrainsAsync(silo, GroupCommitProfileWriterGrain.TypeName, metrics, settings);

        report.Add("sqlite.grouped_writes_per_sec", grouped.PerSecond, "writes/s", $"group-commit storage under {Writers} grains; {grouped.Describe()}");
        report.Add("sqlite.single_writes_per_sec", single.PerSecond, "writes/s", $"{Writers} writers straight on SqliteStateStorage; {single.Describe()}");
        report.Add("sqlite.ratio", grouped.PerSecond / single.PerSecond, "x", "grouped (through grains) / single (on the store)");
    }

    private static void DescribeStates(StateModel states) => states.AddJsonContracts(StorageJsonContext.Default);

    /// <summary>One transaction per write: each writer's write is a batch of its own, 256 of them in flight.</summary>
    private static Task<WriteRate> MeasureSingleAsync(IStateStorage storage, BenchSettings settings)
    {
        var keys = Enumerable.Range(0, Writers).Select(writer => new StateKey("bench.single", $"single-{writer}")).ToArray();
        var versions = new long?[Writers];
        return MeasureAsync(settings, metrics: null, async (writer, iteration) =>
        {
            var payload = JsonSerializer.Serialize(ProfileState.Sample(keys[writer].Key, iteration), StorageJsonContext.Default.ProfileState);
            var outcome = (await storage.WriteBatchAsync([new StateWrite(keys[writer], versions[writer], payload, [])], CancellationToken.None))[0];
            if (outcome.Conflict)
            {
                throw new InvalidOperationException($"writer {writer} conflicted with itself: the benchmark is broken");
            }

            versions[writer] = outcome.Version;
        });
    }

    /// <summary>Each writer calls its own grain, which writes its state through the storage its class names.</summary>
    private static Task<WriteRate> MeasureGrainsAsync(BenchSilo silo, string grainType, StorageMetrics metrics, BenchSettings settings)
    {
        var grains = Enumerable.Range(0, Writers).Select(writer => silo.Grains.GetGrain<IProfileWriterGrain>(GrainId.Create(grainType, $"grain-writer-{writer}"))).ToArray();
        return MeasureAsync(settings, metrics, (writer, _) => grains[writer].Write());
    }

    /// <summary>The storage alone: the writers call <see cref="IGrainStorage.WriteStateAsync{T}"/> as an activation's state would.</summary>
    private static Task<WriteRate> MeasureGrainStorageAsync(BenchSilo silo, string storageName, StorageMetrics metrics, BenchSettings settings)
    {
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(storageName);
        var grains = Enumerable.Range(0, Writers).Select(writer => GrainId.Create($"bench-profile-direct-{storageName}", $"direct-writer-{writer}")).ToArray();
        var states = Enumerable.Range(0, Writers).Select(_ => new GrainState<ProfileState>(new ProfileState())).ToArray();
        return MeasureAsync(settings, metrics, (writer, iteration) =>
        {
            states[writer].State = ProfileState.Sample(grains[writer].Key.ToString()!, iteration);
            return storage.WriteStateAsync(ProfileWriterGrain.StateName, grains[writer], states[writer]);
        });
    }

    /// <param name="metrics">The group-commit storage's counters, to tell how many writes shared a transaction; null where each write is one.</param>
    private static async Task<WriteRate> MeasureAsync(BenchSettings settings, StorageMetrics? metrics, Func<int, long, Task> write)
    {
        long writes = 0;
        var batchesBefore = metrics?.Batches ?? 0;
        var (perSecond, latency) = await CallLoad.RunAsync(Writers, settings.Warmup, settings.Phase, async (writer, iteration) =>
        {
            await write(writer, iteration);
            Interlocked.Increment(ref writes);
        });
        var batches = (metrics?.Batches ?? 0) - batchesBefore;
        return new WriteRate(perSecond, latency, batches > 0 ? writes / (double)batches : 1);
    }

    /// <summary>Average stored size of a profile in each storage: the ADO.NET storage's serializer writes its own JSON.</summary>
    private static async Task<(double GroupCommit, double AdoNet)> StoredBytesAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var ours = dataSource.CreateCommand("SELECT avg(octet_length(payload::text)) FROM crm_grain_state WHERE grain_type = $1");
        ours.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{GroupCommitProfileWriterGrain.TypeName}.{ProfileWriterGrain.StateName}" });
        await using var theirs = dataSource.CreateCommand("SELECT avg(octet_length(payloadbinary)) FROM orleansstorage");
        return (Convert.ToDouble(await ours.ExecuteScalarAsync()), Convert.ToDouble(await theirs.ExecuteScalarAsync()));
    }
}
