using System.Net;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Observability;

public sealed class MetricsEndpointTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Metrics_are_refused_to_anyone_but_an_operator()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var agent = service.ClientWith(await service.Admin().CreateKeyAsync("agent"));
        var otherWorkspace = (await Workspace.CreateAsync(service)).Admin;

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.ClientWith("crm_not-a-key").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherWorkspace.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task An_operator_scrapes_orleans_aspnetcore_and_storage_metrics_as_prometheus_text()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        await admin.PostMessagesAsync(Enumerable.Range(0, 20).Select(i => $"metrics-{i}@example.com"));

        using var response = await admin.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE crm_silo_storage_batches_total counter", text);
        Assert.Matches(@"(?m)^crm_silo_storage_batch_size_bucket\{", text);
        // Other tests' nodes run in this process and feed the same meters, so values are not this node's alone: names only.
        Assert.Matches(@"(?m)^orleans_catalog_activations\{.*grain_type=""customer""\} [1-9]", text);
        Assert.Matches(@"(?m)^crm_silo_cluster_silos\{.*status=""active""\} [1-9]", text);
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_bucket\{.*http_route=""/api/v1/events""", text);
    }
}
