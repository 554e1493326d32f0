using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Dashboard;

public sealed class DashboardHubTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_dashboard_sees_rows_stats_alerts_merges_and_the_timeline_it_follows_and_another_workspace_sees_none_of_it()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        var initech = await admin.CreateWorkspaceAsync("initech-hub");
        await using var dashboard = await HubSocketClient.ConnectAsync(service.Address, await admin.CreateKeyAsync("agent"));
        await using var elsewhere = await HubSocketClient.ConnectAsync(service.Address, initech);
        var customerId = (await admin.PostMessagesAsync(["ada@example.com"]))[0];
        await dashboard.InvokeAsync("followCustomer", customerId);

        await admin.PostMessagesAsync(["ada@example.com"], "how much is the pro plan? I want to buy it for my team");
        var row = await dashboard.WaitForAsync("customerChanged", row => Id(row) == customerId && row.GetProperty("messages").GetInt32() == 2, Soon);
        await dashboard.WaitForAsync("opportunity", row => Id(row) == customerId, Soon);
        var timeline = await dashboard.WaitForAsync("timelineAppended", message => message.GetProperty("customerId").GetString() == customerId, Soon);
        Assert.Equal("sales_opportunity", row.GetProperty("intent").GetString());
        Assert.NotEmpty(timeline.GetProperty("entries").EnumerateArray());

        (await admin.PutAsJsonAsync($"/api/v1/customers/{customerId}/lifecycle", new { lifecycle = "at_risk" })).EnsureSuccessStatusCode();
        await dashboard.WaitForAsync("needsAttention", row => Id(row) == customerId && row.GetProperty("lifecycle").GetString() == "at_risk", Soon);
        var expectedStats = await admin.StatsAsync();
        await dashboard.WaitForAsync("statsChanged", stats => stats.GetProperty("needsAttention").GetInt64() == expectedStats.GetProperty("needsAttention").GetInt64()
            && stats.GetProperty("all").GetInt64() == expectedStats.GetProperty("all").GetInt64(), Soon);

        var duplicateId = (await admin.PostMessagesAsync(["ada.lovelace@example.org"]))[0];
        (await admin.PostAsJsonAsync($"/api/v1/customers/{customerId}/merge", new { duplicateId, dryRun = false })).EnsureSuccessStatusCode();
        var merged = await dashboard.WaitForAsync("customerMerged", merge => merge.GetProperty("duplicateId").GetString() == duplicateId, Soon);
        Assert.Equal(customerId, merged.GetProperty("survivorId").GetString());
        Assert.Contains(dashboard.Received, message => message.Target == "customerRemoved" && Id(message.Argument) == duplicateId);

        await Task.Delay(DashboardPumpLatency);
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task A_customer_whose_messages_turn_negative_is_pushed_as_needing_attention_once_while_still_active()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        await using var dashboard = await HubSocketClient.ConnectAsync(service.Address, RunningService.AdminKey);
        const string identity = "mood@example.com";
        var customerId = (await admin.PostMessagesAsync([identity], "Thank you so much, you guys are amazing!"))[0];
        await admin.PostMessagesAsync([identity], "je suis très déçu, le colis est arrivé cassé, je veux être remboursé");
        await dashboard.WaitForAsync("customerChanged", row => Id(row) == customerId && row.GetProperty("messages").GetInt32() == 2, Soon);
        Assert.DoesNotContain(dashboard.Received, message => message.Target == "needsAttention" && Id(message.Argument) == customerId);

        await admin.PostMessagesAsync([identity], "Estoy muy molesto, el pedido llegó roto y quiero un reembolso ya");
        var alert = await dashboard.WaitForAsync("needsAttention", row => Id(row) == customerId, Soon);
        Assert.NotEqual("at_risk", alert.GetProperty("lifecycle").GetString());

        await admin.PostMessagesAsync([identity], "still broken, this is unacceptable, I am very angry");
        await dashboard.WaitForAsync("customerChanged", row => Id(row) == customerId && row.GetProperty("messages").GetInt32() == 4, Soon);
        await Task.Delay(DashboardPumpLatency);
        Assert.Single(dashboard.Received, message => message.Target == "needsAttention" && Id(message.Argument) == customerId);
    }

    [Fact]
    public async Task Stat_pushes_are_coalesced_to_at_most_four_a_second_and_end_on_the_final_counts()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        await using var dashboard = await HubSocketClient.ConnectAsync(service.Address, RunningService.AdminKey);
        var started = DateTimeOffset.UtcNow;

        for (var batch = 0; batch < 40; batch++)
        {
            await admin.PostMessagesAsync(Enumerable.Range(0, 10).Select(i => $"burst-{batch}-{i}@example.com"));
        }

        var final = await admin.StatsAsync();
        await dashboard.WaitForAsync("statsChanged", stats => stats.GetProperty("all").GetInt64() == final.GetProperty("all").GetInt64(), Soon);
        var pushes = dashboard.Received.Where(message => message.Target == "statsChanged").Select(message => message.ArrivedAt).ToArray();
        var seconds = (pushes[^1] - started).TotalSeconds;
        Assert.True(pushes.Length <= Math.Ceiling(seconds * 4) + 1, $"{pushes.Length} stat pushes in {seconds:F2} s");
        Assert.True(dashboard.Received.Count(message => message.Target == "customerChanged") >= 400);
    }

    [Fact]
    public async Task A_dashboard_that_stops_reading_does_not_hold_up_the_others()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        using var stuck = await StuckDashboard.ConnectAsync(service.Address, RunningService.AdminKey);
        await using var healthy = await HubSocketClient.ConnectAsync(service.Address, RunningService.AdminKey);

        var acknowledged = new List<(string LastCustomerId, DateTimeOffset At)>();
        for (var batch = 0; batch < 80; batch++)
        {
            var customerIds = await admin.PostMessagesAsync(Enumerable.Range(0, 250).Select(i => $"flood-{batch}-{i}@example.com"));
            acknowledged.Add((customerIds[^1], DateTimeOffset.UtcNow));
        }

        var final = await admin.StatsAsync();
        await healthy.WaitForAsync("statsChanged", stats => stats.GetProperty("all").GetInt64() == final.GetProperty("all").GetInt64(), Soon);
        var arrivals = healthy.Received.Where(message => message.Target == "customerChanged").ToDictionary(message => Id(message.Argument)!, message => message.ArrivedAt);
        var worstLag = acknowledged.Max(batch => arrivals[batch.LastCustomerId] - batch.At);

        // Held up by the stuck dashboard, a healthy one would wait for that connection to time out (30 s); on two shared
        // cores flooded with new customers, a healthy dashboard's rows arrive within a few seconds of their acknowledgement.
        Assert.True(worstLag < TimeSpan.FromSeconds(5), $"a healthy dashboard saw a row {worstLag.TotalMilliseconds:F0} ms after its acknowledgement");
    }

    [Fact]
    public async Task Channel_keys_other_roles_and_revoked_keys_cannot_hold_a_dashboard_open()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        var channelKey = await admin.CreateKeyAsync("channel");
        var agentKey = await admin.CreateKeyAsync("agent");
        var keyId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys")).EnumerateArray()
            .Single(key => key.GetProperty("name").GetString() == "agent key").GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await Negotiate(service, channelKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Negotiate(service, "crm_not-a-key")).StatusCode);
        await Assert.ThrowsAsync<WebSocketException>(() => HubSocketClient.ConnectAsync(service.Address, channelKey));

        await using var dashboard = await HubSocketClient.ConnectAsync(service.Address, agentKey);
        (await admin.DeleteAsync($"/api/v1/keys/{keyId}")).EnsureSuccessStatusCode();
        await dashboard.Closed.WaitAsync(Soon);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Negotiate(service, agentKey)).StatusCode);
    }

    [Fact]
    public async Task A_dashboard_that_names_the_rows_it_shows_receives_changes_of_those_rows_only()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        var ids = await admin.PostMessagesAsync(["shown@example.com", "scrolled-away@example.com", "off-screen@example.com"]);
        await using var everything = await HubSocketClient.ConnectAsync(service.Address, RunningService.AdminKey);
        await using var page = await HubSocketClient.ConnectAsync(service.Address, RunningService.AdminKey);
        await page.InvokeAsync("watchCustomers", [new[] { ids[0], ids[1] }]);
        await page.InvokeAsync("watchCustomers", [new[] { ids[0] }]);
        await Task.Delay(DashboardPumpLatency);
        var beforeChanges = page.Received.Count;

        await admin.PostMessagesAsync(["off-screen@example.com", "scrolled-away@example.com", "shown@example.com"]);

        await page.WaitForAsync("customerChanged", row => Id(row) == ids[0], Soon);
        await everything.WaitForAsync("customerChanged", row => Id(row) == ids[0], Soon);
        await Task.Delay(DashboardPumpLatency);
        Assert.Equal([ids[0]], page.Received.Skip(beforeChanges).Where(message => message.Target == "customerChanged").Select(message => Id(message.Argument)).Distinct());
        Assert.Equal(ids.Order(), everything.Received.Where(message => message.Target == "customerChanged").Select(message => Id(message.Argument)!).Distinct().Order());
        await page.WaitForAsync("statsChanged", _ => true, Soon);
        await Assert.ThrowsAsync<InvalidOperationException>(() => page.InvokeAsync("watchCustomers", [new[] { "not-an-id" }]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => page.InvokeAsync("watchCustomers", [Enumerable.Repeat(ids[0], 501).ToArray()]));
    }

    [Fact]
    public async Task Following_refuses_an_id_that_is_not_a_customer_id()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        await using var dashboard = await HubSocketClient.ConnectAsync(service.Address, RunningService.AdminKey);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => dashboard.InvokeAsync("followCustomer", "'; DROP TABLE customers; --"));

        Assert.Contains("must be a customer id", refused.Message);
    }

    private static readonly TimeSpan DashboardPumpLatency = TimeSpan.FromMilliseconds(500);

    private static string? Id(JsonElement message) => message.GetProperty("id").GetString();

    private static Task<HttpResponseMessage> Negotiate(RunningService service, string key) =>
        service.Http.PostAsync($"/hubs/dashboard/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(key)}", null);
}
