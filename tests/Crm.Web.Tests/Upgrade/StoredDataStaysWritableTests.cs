using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Upgrade;

/// <summary>
/// The new service keeps writing on top of what the release before Orleans stored: events reach the stored customers
/// through the stored identities and event windows, and agent edits build on the stored state. Each test restores the
/// fixture for itself, since each changes it.
/// </summary>
public sealed class StoredDataStaysWritableTests
{
    [Fact]
    public async Task Events_for_stored_identities_land_on_the_same_customers_and_count_once()
    {
        using var database = await RestoredDatabase.RestoreAsync();
        await using var service = await database.StartServiceAsync();
        var ids = database.Ids;
        var channel = service.ClientWith(ReleaseBeforeOrleans.ChannelKey);
        var agent = service.ClientWith(ReleaseBeforeOrleans.AgentKey);

        var retried = await PostEventsAsync(channel,
            Message("wa-1001", "whatsapp", "+55 11 98765-4321", "wa-conv-77", "How much is the annual plan?"),
            Order("ord-5001", "email", ReleaseBeforeOrleans.AnaEmail, "5001", 249.90m, "EUR"),
            Message("em-3001", "email", ReleaseBeforeOrleans.BrunoEmail, "em-conv-31", "My order arrived broken, I need help"),
            Message("ig-4101", "instagram", "@carla.designs", "ig-conv-3", "Hi! Is the blue one back in stock?"),
            Order("sms-6001", "sms", "+55 31 91234-5678", "6001", 59.5m, "BRL"));
        var unchanged = await CountersAsync(agent, ids.Ana, ids.Bruno, ids.Carla, ids.Diego);

        // National numbers are read in the region of the workspace's stored calling code (55: BR); the Instagram handle was the merged duplicate's.
        var applied = await PostEventsAsync(channel,
            Message("upgrade-1", "whatsapp", "(11) 98765-4321", "wa-conv-77", "Is the discount still on?"),
            Order("upgrade-2", "email", "ANA@Example.com", "5004", 10m, "EUR"),
            Message("upgrade-3", "sms", "(21) 99999-0000", "sms-conv-1", "Are you open on Saturday?"),
            Message("upgrade-4", "instagram", "@Carla.Designs", "ig-conv-3", "Thanks!"),
            new { id = "upgrade-5", type = "csat_submitted", channel = "email", identity = ReleaseBeforeOrleans.BrunoEmail, occurredAt = DateTimeOffset.UtcNow, score = 4 },
            new { id = "upgrade-6", type = "conversation_opened", channel = "phone", identity = "+351 912 345 678", occurredAt = DateTimeOffset.UtcNow, conversationId = "call-1" });
        var counted = await CountersAsync(agent, ids.Ana, ids.Bruno, ids.Carla, ids.Eva);
        var bruno = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids.Bruno}");
        var globex = await PostEventsAsync(service.ClientWith(ReleaseBeforeOrleans.GlobexAdminKey),
            Message("upgrade-7", "email", ReleaseBeforeOrleans.AnaEmail, "gx-conv-1", "Hello again from Globex"));

        Assert.All(retried, result => Assert.Equal("duplicate", result.Text("status")));
        Assert.Equal(
            [(2, 2, 3, 1449.9m), (1, 1, 0, 0m), (2, 2, 0, 0m), (0, 0, 1, 59.5m)],
            unchanged);
        Assert.All(applied, result => Assert.Equal("accepted", result.Text("status")));
        Assert.Equal([ids.Ana, ids.Ana, ids.Carla, ids.Carla, ids.Bruno, ids.Eva], applied.Select(result => result.Text("customerId")));
        Assert.Equal(
            [(2, 3, 4, 1459.9m), (1, 1, 0, 0m), (3, 4, 0, 0m), (1, 0, 0, 0m)],
            counted);
        Assert.Equal((2, 3m, "at_risk"), (bruno.Int("csatCount"), bruno.Number("csatAverage"), bruno.Text("lifecycle")));
        Assert.Equal(5, (await agent.StatsAsync()).Int("all"));
        Assert.Equal(5, (await agent.ListCustomersAsync("sort=name")).Count);
        Assert.Equal(ids.GlobexCustomer, Assert.Single(globex).Text("customerId"));
    }

    [Fact]
    public async Task Agent_edits_on_the_stored_customers_last_across_a_restart()
    {
        using var database = await RestoredDatabase.RestoreAsync();
        var ids = database.Ids;
        string newAgentKey;
        await using (var service = await database.StartServiceAsync())
        {
            var agent = service.ClientWith(ReleaseBeforeOrleans.AgentKey);
            var admin = service.ClientWith(ReleaseBeforeOrleans.AdminKey);

            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/v1/customers/{ids.Ana}/tags", new { tags = new[] { "renewal-2027" } })).StatusCode);
            var anaNote = await CreatedAsync(await agent.PostAsJsonAsync($"/api/v1/customers/{ids.Ana}/notes", new { text = "Called after the upgrade" }));
            Assert.Equal(HttpStatusCode.OK, (await agent.PatchAsJsonAsync($"/api/v1/customers/{ids.Ana}/attributes", new { attributes = new { seats = new { kind = "number", number = 15 } } })).StatusCode);
            var brunoNote = await CreatedAsync(await agent.PostAsJsonAsync($"/api/v1/customers/{ids.Bruno}/notes", new { text = "Replacement arrived" }));
            var merge = await agent.PostAsJsonAsync($"/api/v1/customers/{ids.Ana}/merge", new { duplicateId = ids.Diego, dryRun = false });
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/v1/customers/{ids.Carla}/segments", new { segmentId = "call-back" })).StatusCode);
            var oldList = await CreatedAsync(await agent.PostAsJsonAsync("/api/v1/segments", new { name = "Old list", kind = "static" }));
            newAgentKey = await admin.CreateKeyAsync("agent");
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/keys/{ids.AgentKeyId}")).StatusCode);

            // Note ids and segment ids continue from the stored counters: the old release deleted note 3 and segment old-list.
            Assert.Equal(("4", "2"), (anaNote.Text("id"), brunoNote.Text("id")));
            Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
            Assert.Equal("old-list-2", oldList.Text("id"));
        }

        await using var restarted = await database.StartServiceAsync();
        var reader = restarted.ClientWith(newAgentKey);
        var ana = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids.Ana}");
        var diego = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids.Diego}");
        var bruno = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids.Bruno}");
        var timeline = (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{ids.Ana}/timeline?limit=200")).Items();
        var segments = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/segments")).Items();
        var callBack = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/segments/call-back/members?limit=500")).Texts("items");

        Assert.Equal(["priority", "wholesale", "renewal-2027"], ana.Texts("tags"));
        Assert.Equal(
            [("1", "Prefers WhatsApp after 6pm"), ("2", "Asked about a volume discount for 50+ units"), ("4", "Called after the upgrade")],
            ana.Items("notes").Select(note => (note.Text("id"), note.Text("text"))));
        Assert.Equal((15m, "pro"), (ana.GetProperty("attributes").GetProperty("seats").Number("number"), ana.GetProperty("attributes").GetProperty("plan").Text("text")));
        Assert.Equal((4, 1509.4m), (ana.Int("orders"), ana.Number("lifetimeValue")));
        Assert.Contains(ana.Items("identities"), identity => identity.Text("channel") == "sms" && identity.Text("value") == ReleaseBeforeOrleans.DiegoSms);
        Assert.Equal((ids.Ana, ids.Ana), (diego.Text("id"), diego.Text("mergedInto")));
        Assert.Equal(["Sent a replacement on 19 Nov", "Replacement arrived"], bruno.Items("notes").Select(note => note.Text("text")));
        Assert.Equal(
            Enumerable.Range(1, ReleaseBeforeOrleans.TimelineEntriesOfAna),
            timeline.Select(entry => entry.Int("sequence")).Where(sequence => sequence <= ReleaseBeforeOrleans.TimelineEntriesOfAna).Order());
        Assert.Superset(
            new HashSet<string?> { "tags_added", "note_added", "attributes_changed", "merged" },
            timeline.Where(entry => entry.Int("sequence") > ReleaseBeforeOrleans.TimelineEntriesOfAna).Select(entry => entry.Text("kind")).ToHashSet());
        Assert.Equal(["call-back", "big-spenders", "pro-wholesale", "old-list-2"], segments.Select(segment => segment.Text("id")));
        Assert.Equal(new[] { ids.Bruno, ids.Carla, ids.Eva }.Order(StringComparer.Ordinal), callBack);
        Assert.Equal(4, (await reader.StatsAsync()).Int("all"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await restarted.ClientWith(ReleaseBeforeOrleans.AgentKey).GetAsync("/api/v1/customers")).StatusCode);
    }

    [Fact]
    public async Task The_erased_customer_stays_erased_and_its_released_email_starts_someone_new()
    {
        using var database = await RestoredDatabase.RestoreAsync();
        await using var service = await database.StartServiceAsync();
        var agent = service.ClientWith(ReleaseBeforeOrleans.AgentKey);

        var results = await PostEventsAsync(service.ClientWith(ReleaseBeforeOrleans.ChannelKey),
            Message("upgrade-felix", "email", ReleaseBeforeOrleans.FelixEmail, "em-conv-71", "Hello again"));

        var newcomer = Assert.Single(results).Text("customerId");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/customers/{database.Ids.ErasedFelix}")).StatusCode);
        Assert.NotEqual(database.Ids.ErasedFelix, newcomer);
        Assert.Equal(ReleaseBeforeOrleans.FelixEmail, (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{newcomer}")).GetProperty("profile").Text("email"));
        Assert.Equal(6, (await agent.StatsAsync()).Int("all"));
    }

    private static object Message(string id, string channel, string identity, string conversationId, string text) =>
        new { id, type = "message_received", channel, identity, occurredAt = DateTimeOffset.UtcNow, conversationId, text };

    private static object Order(string id, string channel, string identity, string orderId, decimal amount, string currency) =>
        new { id, type = "order_placed", channel, identity, occurredAt = DateTimeOffset.UtcNow, orderId, amount, currency };

    private static async Task<JsonElement[]> PostEventsAsync(HttpClient client, params object[] events)
    {
        var response = await client.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Items("results");
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Conversations, messages, orders and lifetime value of each customer, in the order given.</summary>
    private static async Task<(int, int, int, decimal)[]> CountersAsync(HttpClient agent, params string[] customerIds)
    {
        var customers = await Task.WhenAll(customerIds.Select(id => agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}")));
        return customers.Select(customer => (customer.Int("conversations"), customer.Int("messages"), customer.Int("orders"), customer.Number("lifetimeValue"))).ToArray();
    }
}
