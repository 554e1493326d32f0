using System.Net;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Observability;

public sealed class OrleansDashboardTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Orleans_dashboard_is_refused_to_anyone_but_an_operator()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var agent = service.ClientWith(await service.Admin().CreateKeyAsync("agent"));
        var otherWorkspace = (await Workspace.CreateAsync(service)).Admin;

        foreach (var path in new[] { "/orleans-dashboard/", "/orleans-dashboard/DashboardCounters", "/orleans-dashboard/ClusterStats" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await service.Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await otherWorkspace.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task An_operator_gets_the_dashboard_page_and_counters_that_list_this_silo_as_active()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        await admin.PostMessagesAsync(["dashboard@example.com"]);

        using var page = await admin.GetAsync("/orleans-dashboard/");
        var counters = await CountersOnceSampledAsync(admin);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, counters.GetProperty("totalActiveHostCount").GetInt32());
        Assert.True(counters.GetProperty("totalActivationCount").GetInt32() > 0);
        Assert.Contains(counters.GetProperty("simpleGrainStats").EnumerateArray(), grain => grain.GetProperty("grainType").GetString()!.Contains("CustomerGrain"));
    }

    /// <summary>The dashboard refreshes its counters at most once per sample interval (10 s), the first time one interval after it starts.</summary>
    private static async Task<JsonElement> CountersOnceSampledAsync(HttpClient operatorClient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var counters = JsonDocument.Parse(await operatorClient.GetStringAsync("/orleans-dashboard/DashboardCounters")).RootElement;
            if (counters.GetProperty("totalActiveHostCount").GetInt32() > 0 || DateTime.UtcNow > deadline)
            {
                return counters;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task The_live_log_stream_is_turned_off()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        using var trace = await service.Admin().GetAsync("/orleans-dashboard/Trace");

        Assert.Equal(HttpStatusCode.Forbidden, trace.StatusCode);
    }
}
