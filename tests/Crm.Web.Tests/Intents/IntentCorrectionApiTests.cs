using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Dashboard;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Intents;

public sealed class IntentCorrectionApiTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_rule_and_changes_nothing()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var id = (await workspace.Admin.PostMessagesAsync(["kim@example.com"], "how much is the pro plan? I want to buy it for my team"))[0];
        var before = await workspace.CustomerAsync(id);

        var unknownIntent = await workspace.Admin.PutAsJsonAsync($"/api/v1/customers/{id}/intent", new { intent = "maybe" });
        var noIntent = await workspace.Admin.PutAsJsonAsync($"/api/v1/customers/{id}/intent", new { note = "no intent given" });
        var longNote = await workspace.Admin.PutAsJsonAsync($"/api/v1/customers/{id}/intent", new { intent = "support", note = new string('n', 501) });
        var unknownField = await workspace.Admin.PutAsJsonAsync($"/api/v1/customers/{id}/intent", new { intent = "support", confidence = 1 });

        await AssertRefusedAsync(unknownIntent, "intent", "must be sales_opportunity, support, general or no_engagement");
        await AssertRefusedAsync(noIntent, "intent", "must be sales_opportunity, support, general or no_engagement");
        await AssertRefusedAsync(longNote, "note", "must be at most 500 characters");
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        var after = await workspace.CustomerAsync(id);
        Assert.Equal(before.GetProperty("intent").ToString(), after.GetProperty("intent").ToString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("intentCorrection").ValueKind);
        Assert.DoesNotContain(await TimelineAsync(workspace.Admin, id), entry => entry.GetProperty("kind").GetString() == "intent_corrected");
    }

    [Fact]
    public async Task Agents_and_admins_correct_channel_keys_may_not_unknown_and_erased_customers_are_not_found_and_a_merged_id_reaches_its_survivor()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var agent = await workspace.ClientAsync(service, "agent");
        var channel = await workspace.ClientAsync(service, "channel");
        var ids = await workspace.Admin.PostMessagesAsync(["ana@example.com", "ana.o@example.com", "gone@example.com"]);
        (await workspace.Admin.PostAsJsonAsync($"/api/v1/customers/{ids[0]}/merge", new { duplicateId = ids[1], dryRun = false })).EnsureSuccessStatusCode();
        (await workspace.Admin.DeleteAsync($"/api/v1/customers/{ids[2]}")).EnsureSuccessStatusCode();
        var support = new { intent = "support" };

        Assert.Equal(HttpStatusCode.Forbidden, (await channel.PutAsJsonAsync($"/api/v1/customers/{ids[0]}/intent", support)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PutAsJsonAsync($"/api/v1/customers/{ids[0]}/intent", support)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await workspace.Admin.PutAsJsonAsync($"/api/v1/customers/{ids[0]}/intent", new { intent = "general" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PutAsJsonAsync($"/api/v1/customers/{Guid.NewGuid():N}/intent", support)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PutAsJsonAsync("/api/v1/customers/not-an-id/intent", support)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PutAsJsonAsync($"/api/v1/customers/{ids[2]}/intent", support)).StatusCode);
        var viaMerged = await agent.PutAsJsonAsync($"/api/v1/customers/{ids[1]}/intent", new { intent = "sales_opportunity" });
        var survivor = await viaMerged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, viaMerged.StatusCode);
        Assert.Equal(ids[0], survivor.GetProperty("id").GetString());
        Assert.Equal(ids[0], survivor.GetProperty("mergedInto").GetString());
        Assert.Equal("sales_opportunity", (await workspace.CustomerAsync(ids[0])).GetProperty("intent").GetProperty("intent").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/intent/model")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await channel.GetAsync("/api/v1/intent/model")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await workspace.Admin.GetAsync("/api/v1/intent/model")).StatusCode);
    }

    [Fact]
    public async Task A_correction_moves_the_card_and_row_live_is_in_the_timeline_with_its_author_and_stands_until_the_computed_intent_moves()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var created = await (await workspace.Admin.PostAsJsonAsync("/api/v1/keys", new { role = "agent", name = "Support desk" })).Content.ReadFromJsonAsync<JsonElement>();
        var agent = service.ClientWith(created.GetProperty("key").GetString()!);
        var author = $"key:{created.GetProperty("id").GetString()}";
        var id = (await workspace.Admin.PostMessagesAsync(["lee@example.com"], "how much is the pro plan? I want to buy it for my team"))[0];
        Assert.Equal("sales_opportunity", (await workspace.CustomerAsync(id)).GetProperty("intent").GetProperty("intent").GetString());
        Assert.Equal(1, (await workspace.Admin.StatsAsync()).GetProperty("salesOpportunities").GetInt32());
        await using var dashboard = await HubSocketClient.ConnectAsync(service.Address, created.GetProperty("key").GetString()!);

        var corrected = await agent.PutAsJsonAsync($"/api/v1/customers/{id}/intent", new { intent = "general", note = "  asking for a friend, not buying  " });

        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("general", body.GetProperty("intent").GetProperty("intent").GetString());
        Assert.Equal($"corrected by {author}", body.GetProperty("intent").GetProperty("reasons")[0].GetString());
        var correction = body.GetProperty("intentCorrection");
        Assert.Equal(("general", author, "asking for a friend, not buying", "sales_opportunity"), (
            correction.GetProperty("intent").GetString(), correction.GetProperty("actor").GetString(),
            correction.GetProperty("note").GetString(), correction.GetProperty("computedIntentThen").GetString()));
        Assert.True(DateTimeOffset.UtcNow - correction.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        var entry = Assert.Single(await TimelineAsync(workspace.Admin, id), entry => entry.GetProperty("kind").GetString() == "intent_corrected");
        Assert.Equal(author, entry.GetProperty("actor").GetString());
        Assert.Equal("sales_opportunity → general: corrected by hand (asking for a friend, not buying)", entry.GetProperty("summary").GetString());
        Assert.Equal(0, (await workspace.Admin.StatsAsync()).GetProperty("salesOpportunities").GetInt32());
        Assert.Equal([id], (await workspace.Admin.ListCustomersAsync("intent=general")).Select(row => row.GetProperty("id").GetString()));
        await dashboard.WaitForAsync("customerChanged", row => row.GetProperty("id").GetString() == id && row.GetProperty("intent").GetString() == "general", Soon);
        await dashboard.WaitForAsync("statsChanged", stats => stats.GetProperty("salesOpportunities").GetInt64() == 0, Soon);

        await workspace.Admin.PostMessagesAsync(["lee@example.com"], "is there a discount on the annual plan if we buy ten seats?");
        Assert.Equal("general", (await workspace.CustomerAsync(id)).GetProperty("intent").GetProperty("intent").GetString());

        foreach (var text in new[] { "my order arrived broken and I need a refund", "the app keeps crashing when I log in, please help", "still waiting for support to fix my account, it is broken" })
        {
            await workspace.Admin.PostMessagesAsync(["lee@example.com"], text);
        }

        var moved = await workspace.CustomerAsync(id);
        Assert.Equal("support", moved.GetProperty("intent").GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("intentCorrection").ValueKind);
        var yielded = (await TimelineAsync(workspace.Admin, id)).First(entry => entry.GetProperty("kind").GetString() == "intent_changed");
        Assert.Equal("system", yielded.GetProperty("actor").GetString());
        Assert.Contains($"general → support", yielded.GetProperty("summary").GetString());
        Assert.Contains($"replaces the correction of {author}", yielded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Confirming_the_computed_intent_is_recorded_and_keeps_the_card()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var id = (await workspace.Admin.PostMessagesAsync(["max@example.com"], "how much is the pro plan? I want to buy it for my team"))[0];

        var confirmed = await (await workspace.Admin.PutAsJsonAsync($"/api/v1/customers/{id}/intent", new { intent = "sales_opportunity" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("sales_opportunity", confirmed.GetProperty("intent").GetProperty("intent").GetString());
        Assert.True(confirmed.GetProperty("intentCorrection").GetProperty("confirmed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("intentCorrection").GetProperty("note").ValueKind);
        var entry = Assert.Single(await TimelineAsync(workspace.Admin, id), entry => entry.GetProperty("kind").GetString() == "intent_corrected");
        Assert.Equal("sales_opportunity confirmed", entry.GetProperty("summary").GetString());
        Assert.Equal(1, (await workspace.Admin.StatsAsync()).GetProperty("salesOpportunities").GetInt32());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string rule)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rule, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    private static async Task<JsonElement[]> TimelineAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/timeline?limit=200")).GetProperty("items").EnumerateArray().ToArray();
}
