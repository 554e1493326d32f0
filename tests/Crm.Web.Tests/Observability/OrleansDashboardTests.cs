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
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/orleans-dashboard/no-such-page")).StatusCode);
    }

    [Fact]
    public async Task A_browser_is_sent_to_sign_in_and_an_operator_key_signs_it_in_with_a_cookie_scoped_to_the_dashboard()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var agentKey = await service.Admin().CreateKeyAsync("agent");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = service.Address };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var unsigned = await browser.GetAsync("/orleans-dashboard/");
        using var refused = await browser.PostAsync("/orleans-dashboard/sign-in", new FormUrlEncodedContent([new("key", agentKey)]));
        using var stillUnsigned = await browser.GetAsync("/orleans-dashboard/");
        using var signedIn = await browser.PostAsync("/orleans-dashboard/sign-in", new FormUrlEncodedContent([new("key", RunningService.AdminKey)]));
        using var page = await browser.GetAsync("/orleans-dashboard/");
        using var data = await browser.GetAsync("/orleans-dashboard/ClusterStats");
        using var api = await browser.GetAsync("/api/v1/stats");

        Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
        Assert.Equal("/orleans-dashboard/sign-in", unsigned.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stillUnsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("path=/orleans-dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
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
