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

    private static Task<CrmSilo> StartAsync(IStateStorage storage) =>
        CrmSilo.StartAsync(storage, services => services.AddSingleton(new IdentityUpgradeOptions { PageSize = 2 }));

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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
