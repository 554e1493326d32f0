using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Ingest;

/// <summary>
/// Ingest admission on the real service: past what a node admits, a request is answered 503 with <c>Retry-After</c> and
/// problem details before any of its events is applied, while the admitted requests are applied whole.
/// </summary>
public sealed class LoadSheddingTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const int Requests = 40;
    private const int EventsPerRequest = 20;

    [Fact]
    public async Task A_burst_beyond_the_admission_limit_is_partly_shed_with_retry_after_and_only_admitted_requests_are_applied()
    {
        await using var service = await RunningService.StartOnPostgresAsync(
            postgres.ConnectionString, "--Ingest:Admission:MaxEventsInFlight=1", "--Ingest:Admission:MaxQueuedEvents=0", "--Ingest:Admission:RetryAfter=00:00:03");
        var admin = service.Admin();
        var now = DateTimeOffset.UtcNow;

        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async request =>
        {
            var events = Enumerable.Range(0, EventsPerRequest).Select(i => new
            {
                id = $"burst-{request}-{i}", type = "message_received", channel = "email", identity = $"burst-{request}@example.com",
                occurredAt = now, conversationId = $"c-{request}", text = "hello",
            });
            var response = await admin.PostAsJsonAsync("/api/v1/events", new { events });
            return (Response: response, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }));

        var shed = answers.Where(answer => answer.Response.StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
        var admitted = answers.Where(answer => answer.Response.StatusCode == HttpStatusCode.OK).ToArray();
        Assert.Equal(Requests, shed.Length + admitted.Length);
        Assert.NotEmpty(shed);
        Assert.NotEmpty(admitted);
        Assert.All(shed, answer =>
        {
            Assert.Equal(TimeSpan.FromSeconds(3), answer.Response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(503, answer.Body.GetProperty("status").GetInt32());
            Assert.Equal("Overloaded", answer.Body.GetProperty("title").GetString());
        });

        var admittedCustomers = new List<string>();
        foreach (var (_, body) in admitted)
        {
            var results = body.GetProperty("results").EnumerateArray().ToArray();
            Assert.All(results, result => Assert.Equal("accepted", result.GetProperty("status").GetString()));
            var customerId = Assert.Single(results.Select(result => result.GetProperty("customerId").GetString()).Distinct())!;
            var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
            Assert.Equal(EventsPerRequest, customer.GetProperty("messages").GetInt32());
            admittedCustomers.Add(customerId);
        }

        // Only the admitted requests' senders exist: a shed request created no customer and applied no event.
        var listed = await admin.ListCustomersAsync("q=burst-&sort=name");
        Assert.Equal(admittedCustomers.Order(), listed.Select(row => row.GetProperty("id").GetString()!).Order());

        using var metrics = await admin.GetAsync("/metrics");
        Assert.Matches(@"(?m)^crm_ingest_shed_total\{.*reason=""(queue_full|wait|timeout)"".*\} [1-9]", await metrics.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_shed_request_retried_once_the_burst_is_over_is_applied()
    {
        await using var service = await RunningService.StartOnPostgresAsync(
            postgres.ConnectionString, "--Ingest:Admission:MaxEventsInFlight=1", "--Ingest:Admission:MaxQueuedEvents=0");
        var admin = service.Admin();
        var now = DateTimeOffset.UtcNow;
        object Batch(int request) => new
        {
            events = Enumerable.Range(0, EventsPerRequest).Select(i => new
            {
                id = $"retry-{request}-{i}", type = "message_received", channel = "email", identity = $"retry-{request}@example.com",
                occurredAt = now, conversationId = $"c-{request}", text = "hello",
            }),
        };

        var first = await Task.WhenAll(Enumerable.Range(0, Requests).Select(request => admin.PostAsJsonAsync("/api/v1/events", Batch(request))));
        var shed = Enumerable.Range(0, Requests).Where(request => first[request].StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
        Assert.NotEmpty(shed);

        foreach (var request in shed)
        {
            var retried = await admin.PostAsJsonAsync("/api/v1/events", Batch(request));
            var results = (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray();
            Assert.All(results, result => Assert.Equal("accepted", result.GetProperty("status").GetString()));
        }

        Assert.Equal(Requests, (await admin.ListCustomersAsync("q=retry-&sort=name")).Count);
    }

    [Fact]
    public void Admission_settings_that_could_never_admit_a_request_stop_the_service_from_starting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => CrmApplication.Build(["--Storage:Provider=Memory", "--Ingest:Admission:MaxEventsInFlight=0"]));
        var retryAfter = Assert.Throws<InvalidOperationException>(() => CrmApplication.Build(["--Storage:Provider=Memory", "--Ingest:Admission:RetryAfter=00:00:00.500"]));

        Assert.Contains("Ingest:Admission:MaxEventsInFlight", refused.Message);
        Assert.Contains("Ingest:Admission:RetryAfter", retryAfter.Message);
    }
}
