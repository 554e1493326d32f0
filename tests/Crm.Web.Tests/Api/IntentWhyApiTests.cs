using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class IntentWhyApiTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task The_profile_explains_its_intent_with_reasons_that_link_to_their_conversations()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var now = DateTimeOffset.UtcNow;
        var response = await admin.PostAsync("/api/v1/events", Json(new
        {
            events = new object[]
            {
                new { id = "hello-1", type = "message_received", channel = "whatsapp", identity = "+1 415 555 0190", occurredAt = now.AddDays(-2), conversationId = "wa-hello", text = "good morning" },
                new { id = "help-1", type = "message_received", channel = "whatsapp", identity = "+1 415 555 0190", occurredAt = now.AddHours(-1), conversationId = "wa-help", text = "My order arrived broken and I need help with a refund, it is not working" },
            },
        }));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("customerId").GetString();

        var intent = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}")).GetProperty("intent");

        Assert.Equal("support", intent.GetProperty("intent").GetString());
        var why = intent.GetProperty("why").EnumerateArray().ToArray();
        var unanswered = why.Single(reason => reason.GetProperty("kind").GetString() == "unanswered");
        var message = why.Single(reason => reason.GetProperty("kind").GetString() == "message");
        Assert.Equal(("wa-hello", "hello-1"), (unanswered.GetProperty("conversationId").GetString(), unanswered.GetProperty("messageId").GetString()));
        Assert.Equal("a message unanswered for 48 hours", unanswered.GetProperty("text").GetString());
        Assert.Equal(("wa-help", "help-1"), (message.GetProperty("conversationId").GetString(), message.GetProperty("messageId").GetString()));
        Assert.All(why, reason => Assert.InRange(reason.GetProperty("share").GetDouble(), 0.01, 1.0));
        Assert.Equal(intent.GetProperty("score").GetDouble(), why.Sum(reason => reason.GetProperty("share").GetDouble()), 2);
        Assert.Equal(why.Select(reason => reason.GetProperty("text").GetString()), intent.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()));
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
}
