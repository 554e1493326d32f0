using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class CustomerRecordApiTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Identities_conversations_and_orders_show_what_the_channels_reported()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var id = await IngestAsync(admin,
            new { id = "m-1", type = "message_received", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day, conversationId = "wa-1", text = "Is the blue one in stock?" },
            new { id = "m-2", type = "message_received", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day.AddMinutes(3), conversationId = "wa-1", text = "And in size M?" },
            new { id = "x-1", type = "conversation_closed", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day.AddHours(1), conversationId = "wa-1" },
            new { id = "m-3", type = "conversation_opened", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day.AddDays(1), conversationId = "wa-2" },
            new { id = "o-1", type = "order_placed", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day.AddHours(2), orderId = "A-100", amount = 80.5m, currency = "EUR" },
            new { id = "o-2", type = "order_placed", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day.AddHours(3), orderId = "A-101", amount = 20m, currency = "EUR" },
            new { id = "r-1", type = "order_refunded", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day.AddDays(2), orderId = "A-101", amount = 20m, currency = "EUR" },
            new { id = "i-1", type = "identify", channel = "whatsapp", identity = "+1 415 555 0188", occurredAt = Day.AddDays(2), traits = new { identities = new[] { new { channel = "email", value = "Lena@Example.com" } } } });

        var identities = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/identities");
        var conversations = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/conversations");
        var orders = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/orders");

        Assert.Equal(id, identities.GetProperty("customerId").GetString());
        Assert.Equal(JsonValueKind.Null, identities.GetProperty("mergedInto").ValueKind);
        Assert.Equal(["whatsapp:+14155550188", "email:lena@example.com"], identities.GetProperty("items").EnumerateArray().Select(item => $"{item.GetProperty("channel").GetString()}:{item.GetProperty("value").GetString()}"));
        Assert.Equal((2, 2), (conversations.GetProperty("total").GetInt32(), conversations.GetProperty("messages").GetInt32()));
        var (closed, open) = (conversations.GetProperty("items")[0], conversations.GetProperty("items")[1]);
        Assert.Equal(("wa-1", "whatsapp", "closed", 2), (closed.GetProperty("id").GetString(), closed.GetProperty("channel").GetString(), closed.GetProperty("status").GetString(), closed.GetProperty("messageCount").GetInt32()));
        Assert.Equal((Day, Day.AddHours(1)), (closed.GetProperty("startedAt").GetDateTimeOffset(), closed.GetProperty("closedAt").GetDateTimeOffset()));
        Assert.Equal(("wa-2", "open", JsonValueKind.Null, 0), (open.GetProperty("id").GetString(), open.GetProperty("status").GetString(), open.GetProperty("closedAt").ValueKind, open.GetProperty("messageCount").GetInt32()));
        Assert.Equal((2, 80.5m), (orders.GetProperty("orderCount").GetInt32(), orders.GetProperty("lifetimeValue").GetDecimal()));
        Assert.Equal(["A-100", "A-101"], orders.GetProperty("items").EnumerateArray().Select(order => order.GetProperty("id").GetString()));
        var refund = Assert.Single(orders.GetProperty("refunds").EnumerateArray());
        Assert.Equal(("A-101", 20m, "EUR", Day.AddDays(2)), (refund.GetProperty("orderId").GetString(), refund.GetProperty("amount").GetDecimal(), refund.GetProperty("currency").GetString(), refund.GetProperty("refundedAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Attributes_are_replaced_patched_and_removed_with_their_types()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var id = await CreateAsync(admin, "Omar Farouk");

        var put = await admin.PutAsJsonAsync($"/api/v1/customers/{id}/attributes", new
        {
            attributes = new Dictionary<string, object>
            {
                ["plan"] = new { kind = "string", text = "pro" },
                ["seats"] = new { kind = "number", number = 12 },
                ["trial"] = new { kind = "boolean", boolean = true },
            },
        });
        var patch = await admin.PatchAsJsonAsync($"/api/v1/customers/{id}/attributes", new
        {
            attributes = new Dictionary<string, object?> { ["renewal"] = new { kind = "date", date = "2027-03-01" }, ["trial"] = null },
        });
        var deleted = await admin.DeleteAsync($"/api/v1/customers/{id}/attributes/seats");
        var deletedAgain = await admin.DeleteAsync($"/api/v1/customers/{id}/attributes/seats");
        var nullInPut = await admin.PutAsJsonAsync($"/api/v1/customers/{id}/attributes", new { attributes = new Dictionary<string, object?> { ["plan"] = null } });
        var wrongKind = await admin.PatchAsJsonAsync($"/api/v1/customers/{id}/attributes", new { attributes = new { seats = new { kind = "number", text = "twelve" } } });
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/attributes");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["plan", "seats", "trial"], Keys(await put.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(["plan", "renewal", "seats"], Keys(await patch.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.Equal("application/problem+json", deletedAgain.Content.Headers.ContentType?.MediaType);
        await AssertProblemAsync(nullInPut, HttpStatusCode.BadRequest, "attributes.plan");
        await AssertProblemAsync(wrongKind, HttpStatusCode.BadRequest, "attributes.seats");
        Assert.Equal(["plan", "renewal"], Keys(read));
        var attributes = read.GetProperty("attributes");
        Assert.Equal(("string", "pro"), (attributes.GetProperty("plan").GetProperty("kind").GetString(), attributes.GetProperty("plan").GetProperty("text").GetString()));
        Assert.Equal(("date", "2027-03-01"), (attributes.GetProperty("renewal").GetProperty("kind").GetString(), attributes.GetProperty("renewal").GetProperty("date").GetString()));
        var timeline = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/timeline");
        Assert.Equal(3, timeline.GetProperty("items").EnumerateArray().Count(entry => entry.GetProperty("kind").GetString() == "attributes_changed"));
    }

    [Fact]
    public async Task Notes_are_listed_edited_and_deleted_and_an_unknown_note_is_404()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var id = await CreateAsync(admin, "Ines Duarte");
        var first = await (await admin.PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = "Prefers email" })).Content.ReadFromJsonAsync<JsonElement>();
        await admin.PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = "VIP event invite sent" });
        var noteId = first.GetProperty("id").GetString();

        var edited = await admin.PatchAsJsonAsync($"/api/v1/customers/{id}/notes/{noteId}", new { text = "Prefers email, never calls" });
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/notes");
        var removed = await admin.DeleteAsync($"/api/v1/customers/{id}/notes/{noteId}");
        var missing = await admin.PatchAsJsonAsync($"/api/v1/customers/{id}/notes/{noteId}", new { text = "again" });
        var empty = await admin.PatchAsJsonAsync($"/api/v1/customers/{id}/notes/2", new { text = "" });
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/notes");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("editedAt").ValueKind);
        Assert.Equal(["Prefers email, never calls", "VIP event invite sent"], listed.GetProperty("items").EnumerateArray().Select(note => note.GetProperty("text").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await AssertProblemAsync(missing, HttpStatusCode.NotFound);
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "text");
        Assert.Equal(["VIP event invite sent"], after.GetProperty("items").EnumerateArray().Select(note => note.GetProperty("text").GetString()));
        var kinds = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/timeline")).GetProperty("items").EnumerateArray()
            .Select(entry => (entry.GetProperty("kind").GetString(), entry.GetProperty("actor").GetString())).ToArray();
        var adminKeyId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys")).EnumerateArray().Single().GetProperty("id").GetString();
        Assert.Equal(("note_deleted", $"key:{adminKeyId}"), kinds[0]);
        Assert.Equal(("note_edited", $"key:{adminKeyId}"), kinds[1]);
    }

    [Fact]
    public async Task A_merged_id_answers_with_the_survivors_records_and_an_unknown_id_is_404_problem_details()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var survivor = await CreateAsync(admin, "Kai Tanaka", "kai@example.com");
        var duplicate = await CreateAsync(admin, "K. Tanaka", "kai.t@example.com");
        await admin.PostAsJsonAsync($"/api/v1/customers/{duplicate}/notes", new { text = "Wrote from a second address" });
        await admin.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = duplicate, dryRun = false });

        var identities = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{duplicate}/identities");
        var notes = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{duplicate}/notes");
        var patched = await admin.PatchAsJsonAsync($"/api/v1/customers/{duplicate}/attributes", new { attributes = new { source = new { kind = "string", text = "merge" } } });

        Assert.Equal((survivor, survivor), (identities.GetProperty("customerId").GetString(), identities.GetProperty("mergedInto").GetString()));
        Assert.Equal(["kai.t@example.com", "kai@example.com"], identities.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("value").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("Wrote from a second address", Assert.Single(notes.GetProperty("items").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("merge", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{survivor}/attributes")).GetProperty("attributes").GetProperty("source").GetProperty("text").GetString());
        var unknown = "0123456789abcdef0123456789abcdef";
        foreach (var path in new[] { "identities", "attributes", "conversations", "orders", "notes" })
        {
            await AssertProblemAsync(await admin.GetAsync($"/api/v1/customers/{unknown}/{path}"), HttpStatusCode.NotFound);
            await AssertProblemAsync(await admin.GetAsync($"/api/v1/customers/not-an-id/{path}"), HttpStatusCode.NotFound);
        }

        await AssertProblemAsync(await admin.PatchAsJsonAsync($"/api/v1/customers/{unknown}/attributes", new { attributes = new { } }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await admin.DeleteAsync($"/api/v1/customers/{unknown}/notes/1"), HttpStatusCode.NotFound);
    }

    private static string[] Keys(JsonElement body) => body.GetProperty("attributes").EnumerateObject().Select(property => property.Name).Order().ToArray();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Fact]
    public async Task A_spanish_complaint_shows_negative_sentiment_on_its_conversation_and_the_profile()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var id = await IngestAsync(admin,
            new { id = "es-1", type = "message_received", channel = "whatsapp", identity = "+34 612 345 678", occurredAt = Day, conversationId = "wa-es", text = "Hola, ¿tienen la chaqueta azul?" },
            new { id = "es-2", type = "message_received", channel = "whatsapp", identity = "+34 612 345 678", occurredAt = Day.AddMinutes(5), conversationId = "wa-es", text = "Estoy muy molesto, el pedido llegó roto y quiero un reembolso ya" },
            new { id = "es-3", type = "conversation_opened", channel = "whatsapp", identity = "+34 612 345 678", occurredAt = Day.AddMinutes(6), conversationId = "wa-quiet" });

        var conversations = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/conversations")).GetProperty("items").EnumerateArray().ToArray();
        var profile = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");

        Assert.Equal("negative", conversations.Single(c => c.GetProperty("id").GetString() == "wa-es").GetProperty("sentiment").GetString());
        Assert.Equal(JsonValueKind.Null, conversations.Single(c => c.GetProperty("id").GetString() == "wa-quiet").GetProperty("sentiment").ValueKind);
        Assert.Equal("negative", profile.GetProperty("recentConversations")[0].GetProperty("sentiment").GetString());
    }

    private static async Task<string> IngestAsync(HttpClient client, params object[] events)
    {
        var response = await client.PostAsync("/api/v1/events", new StringContent(JsonSerializer.Serialize(new { events }, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"));
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToArray();
        Assert.All(results, result => Assert.Equal("accepted", result.GetProperty("status").GetString()));
        return results[0].GetProperty("customerId").GetString()!;
    }

    private static async Task<string> CreateAsync(HttpClient admin, string name, string? email = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name, email } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
