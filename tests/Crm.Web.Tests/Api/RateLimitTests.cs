using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class RateLimitTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_and_other_keys_are_unaffected()
    {
        await using var service = await RunningService.StartOnPostgresAsync(
            postgres.ConnectionString, "--RateLimiting:Agent:TokenLimit=3", "--RateLimiting:Agent:TokensPerPeriod=1", "--RateLimiting:Agent:ReplenishmentPeriod=00:10:00");
        var admin = service.ClientWith(RunningService.AdminKey);
        var first = service.ClientWith(await admin.CreateKeyAsync("agent"));
        var second = service.ClientWith(await admin.CreateKeyAsync("agent"));

        var withinLimit = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            withinLimit.Add((await first.GetAsync("/api/v1/stats")).StatusCode);
        }

        var refused = await first.GetAsync("/api/v1/stats");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.All(withinLimit, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/stats")).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_share_a_limit_per_address_and_health_probes_are_never_limited()
    {
        await using var service = await RunningService.StartOnPostgresAsync(
            postgres.ConnectionString, "--RateLimiting:Anonymous:TokenLimit=2", "--RateLimiting:Anonymous:TokensPerPeriod=1", "--RateLimiting:Anonymous:ReplenishmentPeriod=00:10:00");
        var guesser = service.ClientWith("crm_guessed-key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await guesser.GetAsync("/api/v1/stats")).StatusCode);
        }

        var probes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => service.Http.GetAsync("/healthz")));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.All(probes, probe => Assert.Equal(HttpStatusCode.OK, probe.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await service.ClientWith(RunningService.AdminKey).GetAsync("/api/v1/stats")).StatusCode);
    }

    [Fact]
    public void A_limit_that_could_never_admit_a_request_stops_the_service_from_starting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => CrmApplication.Build(["--Storage:Provider=Memory", "--RateLimiting:Channel:TokenLimit=0"]));

        Assert.Contains("RateLimiting:Channel", refused.Message);
    }
}
