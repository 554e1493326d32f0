using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Demo;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Demo;

public sealed class DemoTrafficTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Traffic_posts_through_the_ingest_api_with_its_own_channel_key_so_the_stat_cards_move_and_revokes_the_key_at_stop()
    {
        JsonElement first, later;
        await using (var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, "--demo-traffic", "40"))
        {
            var admin = service.ClientWith(RunningService.AdminKey);
            var traffic = service.Services.GetRequiredService<DemoTraffic>();
            first = await StatsOnceAsync(admin, stats => stats.GetProperty("all").GetInt32() > 0);
            later = await StatsOnceAsync(admin, stats => stats.GetProperty("all").GetInt32() > first.GetProperty("all").GetInt32());

            var key = Assert.Single(await KeysAsync(admin), k => k.GetProperty("name").GetString() == DemoTraffic.KeyName);
            Assert.Equal("channel", key.GetProperty("role").GetString());
            Assert.Equal(JsonValueKind.Null, key.GetProperty("revokedAt").ValueKind);
            // The cards can move on a request's first commits before its answer reaches the traffic, so its count is awaited.
            await EventuallyAsync(() => traffic.Posted > 0, "the traffic saw no answered post");
        }

        await using var restarted = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var revoked = Assert.Single(await KeysAsync(restarted.ClientWith(RunningService.AdminKey)), k => k.GetProperty("name").GetString() == DemoTraffic.KeyName);
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);
        Assert.True(later.GetProperty("all").GetInt32() > first.GetProperty("all").GetInt32());
    }

    [Theory]
    [InlineData("--demo", "lots")]
    [InlineData("--demo", "-3")]
    [InlineData("--demo-traffic", "0.5x")]
    [InlineData("--demo-seed", "1.5")]
    public async Task A_bad_demo_option_stops_the_service_at_start_naming_the_option(string option, string value)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningService.StartOnPostgresAsync(postgres.ConnectionString, option, value));

        Assert.Contains(option, refused.Message);
        Assert.Contains(value, refused.Message);
    }

    private static async Task<JsonElement> StatsOnceAsync(HttpClient admin, Func<JsonElement, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var stats = await admin.GetFromJsonAsync<JsonElement>("/api/v1/stats");
            if (condition(stats))
            {
                return stats;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the stat cards did not move within 30 s: {stats}");
            await Task.Delay(200);
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{failure} within 30 s");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement[]> KeysAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys")).EnumerateArray().ToArray();
}
