using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Npgsql;

namespace Crm.Web.Tests.Ingest;

/// <summary>
/// A request carrying many events of one customer, against the real service on PostgreSQL: applied in order, stored in
/// one commit, each event answered on its own, and the whole request safe to retry.
/// </summary>
public sealed class OneCustomerBatchTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task A_thousand_events_of_one_customer_in_one_request_are_stored_in_one_commit_in_order_and_retry_as_duplicates()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var events = Enumerable.Range(0, 1000).Select(i => i % 2 == 0
            ? (object)new { id = $"m-{i}", type = "message_received", channel = "email", identity = "Bulk@Example.com", occurredAt = start.AddSeconds(i), conversationId = "c-1", text = $"message {i}" }
            : new { id = $"o-{i}", type = "order_placed", channel = "email", identity = "bulk@example.com ", occurredAt = start.AddSeconds(i), orderId = $"order-{i:D4}", amount = 3m, currency = "EUR" }).ToArray();

        var first = await PostAsync(admin, events);

        Assert.All(first, result => Assert.Equal("accepted", result.GetProperty("status").GetString()));
        Assert.Equal(events.Select((_, i) => i % 2 == 0 ? $"m-{i}" : $"o-{i}"), first.Select(result => result.GetProperty("id").GetString()));
        var customerId = Assert.Single(first.Select(result => result.GetProperty("customerId").GetString()).Distinct())!;
        var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
        Assert.Equal(500, customer.GetProperty("messages").GetInt32());
        Assert.Equal(500, customer.GetProperty("orders").GetInt32());
        Assert.Equal(1500m, customer.GetProperty("lifetimeValue").GetDecimal());
        Assert.Equal(1L, await VersionAsync(customerId));
        var placed = (await TimelineAsync(admin, customerId)).Where(entry => entry.GetProperty("kind").GetString() == "order_placed")
            .OrderBy(entry => entry.GetProperty("sequence").GetInt64()).Select(entry => entry.GetProperty("summary").GetString()!.Split(':')[0]);
        Assert.Equal(Enumerable.Range(0, 1000).Where(i => i % 2 == 1).Select(i => $"order order-{i:D4}"), placed);

        var retried = await PostAsync(admin, events);

        Assert.All(retried, result => Assert.Equal("duplicate", result.GetProperty("status").GetString()));
        Assert.Equal(1L, await VersionAsync(customerId));
        Assert.Equal(500, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task Valid_invalid_and_repeated_events_of_one_customer_keep_their_own_outcomes()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var now = DateTimeOffset.UtcNow;
        object Message(string id) => new { id, type = "message_received", channel = "email", identity = "mixed@example.com", occurredAt = now, conversationId = "c-1", text = "hello" };

        var results = await PostAsync(admin,
        [
            Message("a"),
            new { id = "b", type = "csat_submitted", channel = "email", identity = "mixed@example.com", occurredAt = now, score = 0 },
            Message("a"),
            new { id = "c", type = "csat_submitted", channel = "email", identity = "MIXED@example.com", occurredAt = now, score = 4 },
            Message("d"),
        ]);

        Assert.Equal(["accepted", "rejected", "duplicate", "accepted", "accepted"], results.Select(result => result.GetProperty("status").GetString()));
        Assert.Equal("score", results[1].GetProperty("error").GetProperty("field").GetString());
        var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{results[0].GetProperty("customerId").GetString()}");
        Assert.Equal(2, customer.GetProperty("messages").GetInt32());
        Assert.Equal(1, customer.GetProperty("csatCount").GetInt32());
    }

    private static async Task<JsonElement[]> PostAsync(HttpClient client, object[] events)
    {
        var response = await client.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToArray();
    }

    private static async Task<List<JsonElement>> TimelineAsync(HttpClient client, string customerId)
    {
        var entries = new List<JsonElement>();
        long? before = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/timeline?limit=200{(before is null ? "" : $"&before={before}")}");
            entries.AddRange(page.GetProperty("items").EnumerateArray());
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64();
        }
        while (before is not null);
        return entries;
    }

    /// <summary>The stored version of the customer's state: one per commit.</summary>
    private async Task<long> VersionAsync(string customerId)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM crm_grain_state WHERE grain_type LIKE 'customer%' AND grain_key LIKE '%/' || $1", connection) { Parameters = { new() { Value = customerId } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
