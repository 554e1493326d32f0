using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Dashboard;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Cluster;

/// <summary>Two nodes of one cluster: a change acknowledged by one is already in force on the other.</summary>
public sealed class BroadcastAcrossNodesTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task A_key_revoked_through_one_node_is_refused_by_the_other_at_once_and_its_dashboard_there_is_closed()
    {
        var cluster = $"--Cluster:Id=revoke-{Guid.NewGuid():N}";
        await using var first = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);
        await using var second = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);
        var adminOnFirst = first.Admin();
        var agentKey = await adminOnFirst.CreateKeyAsync("agent");
        var keyId = (await adminOnFirst.GetFromJsonAsync<JsonElement>("/api/v1/keys")).EnumerateArray()
            .Single(key => key.GetProperty("name").GetString() == "agent key").GetProperty("id").GetString();
        var agentOnSecond = second.ClientWith(agentKey);

        // The second node has authenticated the key, so it holds a copy the revocation must reach.
        Assert.Equal(HttpStatusCode.OK, (await agentOnSecond.GetAsync("/api/v1/stats")).StatusCode);
        await using var dashboard = await HubSocketClient.ConnectAsync(second.Address, agentKey);

        Assert.Equal(HttpStatusCode.NoContent, (await adminOnFirst.DeleteAsync($"/api/v1/keys/{keyId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await agentOnSecond.GetAsync("/api/v1/stats")).StatusCode);
        await dashboard.Closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Settings_changed_through_one_node_apply_at_once_to_events_sent_to_the_other()
    {
        var cluster = $"--Cluster:Id=settings-{Guid.NewGuid():N}";
        await using var first = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);
        await using var second = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, cluster);
        var adminOnSecond = second.Admin();
        await adminOnSecond.PostMessagesAsync(["warm@example.com"]);

        (await first.Admin().PutAsJsonAsync("/api/v1/settings", new { defaultPhoneCountry = "44" })).EnsureSuccessStatusCode();

        var response = await adminOnSecond.PostAsJsonAsync("/api/v1/events", new
        {
            events = new[] { new { id = Guid.NewGuid().ToString("N"), type = "message_received", channel = "whatsapp", identity = "020 7946 0958", occurredAt = DateTimeOffset.UtcNow, conversationId = "conv-1", text = "hello" } },
        });
        response.EnsureSuccessStatusCode();
        var customerId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("customerId").GetString();
        var identities = await adminOnSecond.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/identities");
        Assert.Equal("+442079460958", identities.GetProperty("items")[0].GetProperty("value").GetString());
    }
}
