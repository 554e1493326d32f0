using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Crm.Web.Tests.Cluster;

public sealed class ClusterFormationTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Two_nodes_with_one_cluster_id_and_database_form_one_cluster_that_shares_customers_and_keys()
    {
        var cluster = $"--Cluster:Id=formation-{Guid.NewGuid():N}";
        await using var first = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);
        await using var second = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);

        var hosts = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var agentKey = await first.ClientWith(RunningService.AdminKey).CreateKeyAsync("agent");
        var ids = await first.ClientWith(RunningService.AdminKey).PostMessagesAsync(Enumerable.Range(0, 20).Select(i => $"shared-{i}@example.com"));
        var agentOnSecond = second.ClientWith(agentKey);

        Assert.Equal(2, hosts.Count);
        foreach (var id in ids)
        {
            var customer = await agentOnSecond.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
            Assert.Equal(1, customer.GetProperty("messages").GetInt32());
        }
    }

    [Fact]
    public async Task The_service_creates_the_membership_schema_once_even_when_nodes_start_together()
    {
        var cluster = $"--Cluster:Id=schema-{Guid.NewGuid():N}";
        var starts = Enumerable.Range(0, 3).Select(_ => RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster)).ToArray();
        var nodes = await Task.WhenAll(starts);
        try
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            await using var members = new NpgsqlCommand("SELECT count(*) FROM crm_cluster_member WHERE status = 3 AND cluster_id = $1", connection);
            members.Parameters.AddWithValue(cluster["--Cluster:Id=".Length..]);
            await using var queries = new NpgsqlCommand("SELECT count(*) FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntryKey'", connection);

            Assert.Equal(3L, await members.ExecuteScalarAsync());
            Assert.Equal(1L, await queries.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_node_that_stops_gracefully_leaves_the_cluster_and_the_others_go_on()
    {
        var cluster = $"--Cluster:Id=leave-{Guid.NewGuid():N}";
        await using var staying = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);
        var leaving = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);
        var admin = staying.ClientWith(RunningService.AdminKey);
        var ids = await admin.PostMessagesAsync(Enumerable.Range(0, 20).Select(i => $"leave-{i}@example.com"));

        await leaving.DisposeAsync();
        var again = await admin.PostMessagesAsync(Enumerable.Range(0, 20).Select(i => $"leave-{i}@example.com"));
        var hosts = await staying.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Single(hosts);
        Assert.Equal(ids, again);
        foreach (var id in ids)
        {
            var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
            Assert.Equal(2, customer.GetProperty("messages").GetInt32());
        }
    }

    [Theory]
    [InlineData("--Cluster:Id=crm", "Cluster:Id is set but Storage:Provider is Sqlite")]
    [InlineData("--Cluster:AdvertisedAddress=10.1.2.3", "Cluster:AdvertisedAddress is '10.1.2.3' but Storage:Provider is Sqlite")]
    public async Task The_embedded_storage_refuses_settings_that_promise_a_cluster(string setting, string message)
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-{Guid.NewGuid():N}.db");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningService.StartAsync("--Storage:Provider=Sqlite", $"--ConnectionStrings:Crm=Data Source={file}", setting));

        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public async Task The_embedded_storage_accepts_ports_alone()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-{Guid.NewGuid():N}.db");
        await using var service = await RunningService.StartAsync("--Storage:Provider=Sqlite", $"--ConnectionStrings:Crm=Data Source={file}", "--Cluster:AdvertisedAddress=127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Each_workspace_has_one_sweep_reminder_in_the_database_however_many_nodes_schedule_it()
    {
        var cluster = $"--Cluster:Id=reminders-{Guid.NewGuid():N}";
        await using (var seeding = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster))
        {
            await seeding.ClientWith(RunningService.AdminKey).PostMessagesAsync(["reminded@example.com"]);
        }

        await using var first = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster, "--Sweep:Interval=00:02:00");
        await using var second = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster, "--Sweep:Interval=00:02:00");

        var reminders = await SweepRemindersAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); reminders.Count == 0 && DateTime.UtcNow < deadline; reminders = await SweepRemindersAsync())
        {
            await Task.Delay(200);
        }

        var reminder = Assert.Single(reminders);
        Assert.Contains("default", reminder.GrainId);
        Assert.Equal(120_000L, reminder.PeriodMs);
    }

    private async Task<List<(string GrainId, long PeriodMs)>> SweepRemindersAsync()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grain_id, period_ms FROM crm_reminder WHERE reminder_name = 'sweep'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            found.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return found;
    }
}
