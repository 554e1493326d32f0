using Crm.Grains.Customers;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Upgrade;
using Crm.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Crm.Grains.Tests.Upgrade;

/// <summary>
/// The identity upgrade pass over a SQLite store written by the release with the old identity rules (the fixture the
/// service's upgrade tests restore), two customers per page.
/// </summary>
public sealed class IdentityUpgradePassTests : IDisposable
{
    private const string PassState = "identityupgrade.identity-upgrade";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-identity-upgrade-");

    private string ConnectionString => $"Data Source={Path.Combine(_folder.FullName, "crm.db")};Pooling=False";

    [Fact]
    public async Task A_pass_deactivated_mid_way_resumes_from_its_stored_cursor_and_a_second_run_changes_nothing()
    {
        await RestoreAsync();
        var gate = new ListingGate(new SqliteStateStorage(ConnectionString), PassState) { Hold = 2 };
        IdentityUpgradeStatus done;
        await using (var silo = await StartAsync(gate))
        {
            var pass = Pass(silo);
            Assert.False((await pass.Start()).Done);
            await gate.Entered;
            var stored = await pass.Status();
            var deactivation = pass.Cast<IGrainManagementExtension>().DeactivateOnIdle().AsTask();
            gate.Release();
            await deactivation;

            done = await pass.WaitUntilDone(TimeSpan.FromSeconds(20));

            Assert.NotNull(stored.After);
            Assert.Equal(2, gate.WatchedReads);
            Assert.Single(gate.ListedAfter, after => after is null);
            Assert.Equal(gate.ListedAfter.Count, gate.ListedAfter.Distinct().Count());
        }

        Assert.True(done.Done);
        Assert.Equal(IdentityUpgradeGrain.RulesVersion, done.RulesVersion);
        Assert.Equal(await CountAsync("SELECT count(*) FROM crm_grain_state WHERE grain_type = 'customer.customer'"), done.Counts.Visited);
        Assert.Equal(1, done.Counts.DuplicatesSuggested);
        Assert.Equal("+447911123456", await SingleAsync("SELECT group_concat(grain_key) FROM crm_grain_state WHERE grain_type = 'identity.identity' AND grain_key LIKE 'default/sms/+44%7911123456'") is { } priya ? priya["default/sms/".Length..] : null);

        var versions = await VersionsAsync();
        var again = new ListingGate(new SqliteStateStorage(ConnectionString), PassState);
        await using (var silo = await StartAsync(again))
        {
            Assert.True((await Pass(silo).Start()).Done);
            Assert.Empty(again.ListedAfter);
            foreach (var key in await CustomerKeysAsync())
            {
                Assert.False((await silo.Grains.GetGrain<ICustomerGrain>(key).UpgradeIdentities()).Changed);
            }
        }

        Assert.Equal(versions, await VersionsAsync());
    }

    [Fact]
    public async Task A_node_asks_the_pass_at_most_once_a_second_while_it_runs_and_never_again_once_it_has_seen_it_done()
    {
        await RestoreAsync();
        var listing = new ListingGate(new SqliteStateStorage(ConnectionString), PassState) { Hold = 0 };
        var calls = new GrainCallCounter();
        await using var silo = await StartAsync(listing, services => services.AddSingleton<IIncomingGrainCallFilter>(calls));
        await Pass(silo).Start();
        await listing.Entered;
        var clock = new SteppingClock();
        var gate = new IdentityUpgradeGate(silo.Grains, clock);
        const string StatusCalls = $"{nameof(IIdentityUpgradeGrain)}.{nameof(IIdentityUpgradeGrain.Status)}";

        var first = await AskManyAsync(gate);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var withinTheSecond = await AskManyAsync(gate);
        var askedWithinTheSecond = calls[StatusCalls];
        clock.Advance(TimeSpan.FromMilliseconds(600));
        var nextSecond = await AskManyAsync(gate);
        var askedNextSecond = calls[StatusCalls];

        listing.Release();
        Assert.True((await Pass(silo).WaitUntilDone(TimeSpan.FromSeconds(20))).Done);
        var doneButNotAskedYet = await gate.IsOpenAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var seenDone = await gate.IsOpenAsync();
        var askedUntilDone = calls[StatusCalls];
        clock.Advance(TimeSpan.FromHours(1));
        var afterwards = await AskManyAsync(gate);

        Assert.All(first.Concat(withinTheSecond).Concat(nextSecond), Assert.False);
        Assert.Equal(1, askedWithinTheSecond);
        Assert.Equal(2, askedNextSecond);
        Assert.False(doneButNotAskedYet);
        Assert.True(seenDone);
        Assert.Equal(3, askedUntilDone);
        Assert.All(afterwards, Assert.True);
        Assert.Equal(3, calls[StatusCalls]);
    }

    private static async Task<bool[]> AskManyAsync(IdentityUpgradeGate gate) =>
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => gate.IsOpenAsync().AsTask()));

    private static Task<CrmSilo> StartAsync(IStateStorage storage, Action<IServiceCollection>? services = null) =>
        CrmSilo.StartAsync(storage, collection =>
        {
            collection.AddSingleton(new IdentityUpgradeOptions { PageSize = 2 });
            services?.Invoke(collection);
        });

    private static IIdentityUpgradeGrain Pass(CrmSilo silo) => silo.Grains.GetGrain<IIdentityUpgradeGrain>(IdentityUpgradeGrain.Key);

    private async Task RestoreAsync()
    {
        var dump = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures", "old-identity-rules.sqlite.sql"));
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var restore = new SqliteCommand(dump, connection);
        await restore.ExecuteNonQueryAsync();
    }

    /// <summary>Every stored customer and identity, with its version: what a second run must leave as it is.</summary>
    private async Task<List<string>> VersionsAsync()
    {
        var rows = new List<string>();
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT grain_type || ' ' || grain_key || ' ' || version FROM crm_grain_state WHERE grain_type IN ('customer.customer', 'identity.identity') ORDER BY grain_type, grain_key", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task<List<string>> CustomerKeysAsync() =>
        (await VersionsAsync()).Where(row => row.StartsWith("customer.customer ", StringComparison.Ordinal)).Select(row => row.Split(' ')[1]).ToList();

    private async Task<long> CountAsync(string sql) => (long)(await ScalarAsync(sql))!;

    private async Task<string?> SingleAsync(string sql) => await ScalarAsync(sql) as string;

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Monotonic time the test moves by hand; what the gate measures its one-second spacing with.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks = TimeSpan.TicksPerDay;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
