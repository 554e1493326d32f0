using System.Net.Http.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Dashboard;

/// <summary>The hub as the real browser client library sees it, from Node.</summary>
public sealed class NodeDashboardClientTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_signalr_client_receives_rows_stats_alerts_and_its_followed_timeline_and_another_workspace_receives_nothing()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        var customerId = (await admin.PostMessagesAsync(["grace@example.com"]))[0];
        await using var dashboard = await NodeDashboardClient.StartAsync(service.Address, await admin.CreateKeyAsync("agent"), customerId);
        await using var elsewhere = await NodeDashboardClient.StartAsync(service.Address, await admin.CreateWorkspaceAsync("umbrella-hub"));

        await admin.PostMessagesAsync(["grace@example.com"], "what does the enterprise plan cost? we would like a quote");
        (await admin.PutAsJsonAsync($"/api/v1/customers/{customerId}/lifecycle", new { lifecycle = "at_risk" })).EnsureSuccessStatusCode();

        await dashboard.WaitForAsync("customerChanged", row => row.GetProperty("id").GetString() == customerId && row.GetProperty("messages").GetInt32() == 2, Soon);
        await dashboard.WaitForAsync("opportunity", row => row.GetProperty("id").GetString() == customerId, Soon);
        await dashboard.WaitForAsync("timelineAppended", message => message.GetProperty("customerId").GetString() == customerId, Soon);
        await dashboard.WaitForAsync("needsAttention", row => row.GetProperty("lifecycle").GetString() == "at_risk", Soon);
        var expected = await admin.StatsAsync();
        await dashboard.WaitForAsync("statsChanged", stats => stats.GetProperty("needsAttention").GetInt64() == expected.GetProperty("needsAttention").GetInt64(), Soon);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Empty(elsewhere.Received.Skip(1));
    }

    [Fact]
    public async Task The_signalr_client_is_refused_with_a_channel_key()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var channelKey = await service.Admin().CreateKeyAsync("channel");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeDashboardClient.StartAsync(service.Address, channelKey));

        Assert.Contains("403", refused.Message);
    }
}
