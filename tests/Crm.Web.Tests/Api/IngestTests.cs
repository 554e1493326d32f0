using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class IngestTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task A_batch_answers_each_event_in_order_accepted_duplicate_or_rejected_with_its_rule()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var now = DateTimeOffset.UtcNow;
        object Message(string id, string identity) => new { id, type = "message_received", channel = "whatsapp", identity, occurredAt = now, conversationId = "c-1", text = "how much is the pro plan?" };

        var response = await admin.PostAsJsonAsync("/api/v1/events", new
        {
            events = new object[]
            {
                Message("m-1", "+1 415 555 0101"),
                Message("m-1", "+1 415 555 0101"),
                new { id = "c-1", type = "csat_submitted", channel = "whatsapp", identity = "+1 415 555 0101", occurredAt = now, score = 9 },
                Message("m-2", "null"),
                new { id = "x-1", type = "teleported", channel = "whatsapp", identity = "+1 415 555 0101", occurredAt = now },
            },
        });
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["accepted", "duplicate", "rejected", "rejected", "rejected"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(["m-1", "m-1", "c-1", "m-2", "x-1"], results.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("score", results[2].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("identity", results[3].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("type", results[4].GetProperty("error").GetProperty("field").GetString());
        var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{results[0].GetProperty("customerId").GetString()}");
        Assert.Equal(1, customer.GetProperty("messages").GetInt32());
        Assert.Equal("+14155550101", customer.GetProperty("profile").GetProperty("phone").GetString());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/stats")).GetProperty("all").GetInt32());
    }

    [Theory]
    [InlineData("{\"events\": [")]
    [InlineData("{\"events\": [], \"surprise\": true}")]
    [InlineData("{\"events\": \"many\"}")]
    [InlineData("{\"events\": []}")]
    public async Task Malformed_unknown_or_empty_bodies_get_400_problem_details(string body)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        var response = await service.ClientWith(RunningService.AdminKey).PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task More_than_a_thousand_events_in_one_request_are_refused_whole()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var events = Enumerable.Range(0, 1001).Select(i => new { id = $"e-{i}", type = "page_viewed", channel = "widget", identity = "sess-1", occurredAt = DateTimeOffset.UtcNow, url = "https://shop.example.com/" });

        var response = await service.ClientWith(RunningService.AdminKey).PostAsJsonAsync("/api/v1/events", new { events });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await service.ClientWith(RunningService.AdminKey).GetFromJsonAsync<JsonElement>("/api/v1/stats")).GetProperty("all").GetInt32());
    }
}
