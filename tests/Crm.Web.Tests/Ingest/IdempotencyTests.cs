using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Ingest;

/// <summary>
/// Retries of any size count once: far more events than a customer could keep in memory, retried in shuffled batches,
/// after a restart and after a merge, against the real service on PostgreSQL.
/// </summary>
public sealed class IdempotencyTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const int BatchSize = 1000;

    [Fact]
    public async Task Five_thousand_events_retried_in_shuffled_batches_count_once_across_a_restart_and_a_merge()
    {
        var ana = Messages("ana@example.com", 5000);
        var anaAgain = Messages("ana.lima@example.com", 1000);
        string anaId, otherId;

        await using (var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString))
        {
            var client = service.Admin();
            anaId = Assert.Single((await PostAsync(client, ana, "accepted")).Distinct());
            await PostAsync(client, Shuffled(ana, seed: 1), "duplicate");
            await AssertCountersAsync(client, anaId, messages: 5000, conversations: 50);
        }

        await using (var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString))
        {
            var client = service.Admin();
            await PostAsync(client, Shuffled(ana, seed: 2), "duplicate");
            await AssertCountersAsync(client, anaId, messages: 5000, conversations: 50);

            otherId = Assert.Single((await PostAsync(client, anaAgain, "accepted")).Distinct());
            var merge = await client.PostAsJsonAsync($"/api/v1/customers/{anaId}/merge", new { duplicateId = otherId, dryRun = false });
            Assert.Equal(HttpStatusCode.OK, merge.StatusCode);

            var everything = Shuffled([.. ana, .. anaAgain], seed: 3);
            var owners = await PostAsync(client, everything, "duplicate");
            Assert.All(owners, owner => Assert.Equal(anaId, owner));
            await AssertCountersAsync(client, anaId, messages: 6000, conversations: 60);
        }
    }

    [Fact]
    public async Task An_event_id_is_one_event_in_its_workspace_whichever_sender_carries_it_and_only_there()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        var otherWorkspace = service.ClientWith(await admin.CreateWorkspaceAsync($"ws-{Guid.NewGuid():N}"[..20]));
        var first = Messages("bruno@example.com", 1);
        var sameIdOtherSender = first.Select(e => e with { Identity = "carla@example.com" }).ToArray();

        await PostAsync(admin, first, "accepted");
        await PostAsync(admin, sameIdOtherSender, "duplicate");
        await PostAsync(otherWorkspace, sameIdOtherSender, "accepted");

        var carla = await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=carla@example.com");
        Assert.Empty(carla.GetProperty("items").EnumerateArray());
    }

    private static async Task AssertCountersAsync(HttpClient client, string customerId, int messages, int conversations)
    {
        var customer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
        Assert.Equal(messages, customer.GetProperty("messages").GetInt32());
        Assert.Equal(conversations, customer.GetProperty("conversations").GetInt32());
    }

    /// <summary>Posts the events in batches, each batch's results expected to have <paramref name="status"/>; answers the customer of each.</summary>
    private static async Task<List<string>> PostAsync(HttpClient client, IReadOnlyList<MessageEvent> events, string status)
    {
        var owners = new List<string>();
        foreach (var batch in events.Chunk(BatchSize))
        {
            var response = await client.PostAsJsonAsync("/api/v1/events", new { events = batch });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            foreach (var result in (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray())
            {
                Assert.Equal(status, result.GetProperty("status").GetString());
                owners.Add(result.GetProperty("customerId").GetString()!);
            }
        }

        return owners;
    }

    private static MessageEvent[] Messages(string sender, int count)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        return Enumerable.Range(0, count)
            .Select(i => new MessageEvent(Guid.NewGuid().ToString("N"), "message_received", "email", sender, start.AddMilliseconds(i), $"{sender}-conversation-{i / 100}", $"message {i}"))
            .ToArray();
    }

    private static MessageEvent[] Shuffled(MessageEvent[] events, int seed)
    {
        var copy = events.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    private sealed record MessageEvent(string Id, string Type, string Channel, string Identity, DateTimeOffset OccurredAt, string ConversationId, string Text);
}
