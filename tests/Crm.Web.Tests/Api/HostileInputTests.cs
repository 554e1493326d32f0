using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class HostileInputTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const int Seed = 20261121;
    private const int RequestCount = 520;

    [Fact]
    public async Task Hundreds_of_hostile_requests_get_no_5xx_only_problem_details_and_change_nothing()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var (customerId, noteId) = await SeedKnownCustomerAsync(admin);
        var before = await SnapshotAsync(admin, customerId);
        var requests = new HostileRequests(Seed, customerId, noteId).Generate(RequestCount);

        var failures = new List<string>();
        foreach (var request in requests)
        {
            using var response = await admin.SendAsync(request.ToMessage());
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{request.Label} {request.Method} {Shorten(request.Path)} → {status}: {Shorten(body)}");
            }
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{request.Label} {request.Method} {Shorten(request.Path)} → {status} as {response.Content.Headers.ContentType}: {Shorten(body)}");
            }
        }

        var after = await SnapshotAsync(admin, customerId);

        Assert.True(requests.Count >= 200);
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} requests failed:\n{string.Join("\n", failures)}");
        foreach (var (name, value) in before)
        {
            Assert.True(value == after[name], $"{name} changed:\nbefore {value}\nafter  {after[name]}");
        }
    }

    /// <summary>A customer with something in every record the hostile requests aim at.</summary>
    private static async Task<(string CustomerId, string NoteId)> SeedKnownCustomerAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name = "Known Customer", email = "known@example.com", phone = "+1 415 555 0100" }, tags = new[] { "vip" } });
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var note = await (await admin.PostAsJsonAsync($"/api/v1/customers/{customerId}/notes", new { text = "Original note" })).Content.ReadFromJsonAsync<JsonElement>();
        await admin.PatchAsJsonAsync($"/api/v1/customers/{customerId}/attributes", new { attributes = new { plan = new { kind = "string", text = "pro" } } });
        var now = DateTimeOffset.UtcNow;
        var ingest = await admin.PostAsJsonAsync("/api/v1/events", new
        {
            events = new object[]
            {
                new { id = "k-1", type = "message_received", channel = "email", identity = "known@example.com", occurredAt = now, conversationId = "c-1", text = "Where is my order?" },
                new { id = "k-2", type = "order_placed", channel = "email", identity = "known@example.com", occurredAt = now, orderId = "o-1", amount = 120m, currency = "EUR" },
                new { id = "k-3", type = "message_received", channel = "widget", identity = "sess-other", occurredAt = now, conversationId = "c-9", text = "Just looking" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        return (customerId, note.GetProperty("id").GetString()!);
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(HttpClient admin, string customerId)
    {
        var reads = new Dictionary<string, string>
        {
            ["stats"] = "/api/v1/stats",
            ["customer list"] = "/api/v1/customers?limit=200",
            ["customer"] = $"/api/v1/customers/{customerId}",
            ["timeline"] = $"/api/v1/customers/{customerId}/timeline?limit=200",
            ["keys"] = "/api/v1/keys",
            ["settings"] = "/api/v1/settings",
        };
        var snapshot = new Dictionary<string, string>();
        foreach (var (name, path) in reads)
        {
            var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            snapshot[name] = await response.Content.ReadAsStringAsync();
        }

        return snapshot;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
