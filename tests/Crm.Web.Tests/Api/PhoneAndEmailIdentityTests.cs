using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Crm.Web.Tests.Upgrade;

namespace Crm.Web.Tests.Api;

/// <summary>One person written the ways people and systems write them is one customer; what cannot exist is refused with its rule.</summary>
public sealed class PhoneAndEmailIdentityTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task One_London_number_written_five_ways_lands_on_one_customer_and_an_impossible_one_is_refused()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = await OwnWorkspaceAsync(service);
        (await admin.PutAsJsonAsync("/api/v1/settings", new { defaultPhoneRegion = "GB" })).EnsureSuccessStatusCode();
        var written = new[] { "+44 (0)20 7946 0958", "020 7946 0958", "0044 20 7946 0958", "tel:+44-20-7946-0958", "+44.20.7946.0958" };

        var results = await PostAsync(admin, written.Select((identity, i) => Message($"gb-{i}", "whatsapp", identity))
            .Append(Message("gb-short", "whatsapp", "020 7946 095"))
            .Append(Message("gb-nowhere", "phone", "+999 20 7946 0958")));

        Assert.Equal([.. Enumerable.Repeat("accepted", 5), "rejected", "rejected"], results.Select(result => result.Text("status")));
        var customerId = Assert.Single(results.Take(5).Select(result => result.Text("customerId")).Distinct());
        Assert.Equal(("identity", "phone number is not a valid number for GB (+44): no number range there holds it"), RuleOf(results[5]));
        Assert.Equal("identity", RuleOf(results[6]).Field);
        Assert.StartsWith("phone number has an invalid country code", RuleOf(results[6]).Rule);
        var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
        Assert.Equal("+442079460958", customer.GetProperty("profile").Text("phone"));
        Assert.Equal(5, customer.GetProperty("messages").GetInt32());
        Assert.Equal(1, (await admin.StatsAsync()).GetProperty("all").GetInt32());
    }

    [Fact]
    public async Task An_email_with_an_internationalized_domain_and_its_punycode_are_one_customer_shown_in_Unicode()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = await OwnWorkspaceAsync(service);

        var results = await PostAsync(admin, [
            Message("em-1", "email", "Ana@Exämple.com"),
            Message("em-2", "email", "ana@xn--exmple-cua.com"),
            Message("em-3", "email", "noreply@exämple.com"),
            Message("em-4", "email", "ana@exämple")]);

        Assert.Equal(["accepted", "accepted", "rejected", "rejected"], results.Select(result => result.Text("status")));
        Assert.Equal(results[0].Text("customerId"), results[1].Text("customerId"));
        Assert.Equal(("identity", "email 'noreply@xn--exmple-cua.com' is a placeholder a form fills in, not an address"), RuleOf(results[2]));
        var customer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{results[0].Text("customerId")}");
        Assert.Equal("ana@exämple.com", customer.GetProperty("profile").Text("email"));
    }

    [Fact]
    public async Task The_profile_phone_is_read_in_the_region_and_a_bad_one_is_a_problem_naming_the_field()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = await OwnWorkspaceAsync(service);
        (await admin.PutAsJsonAsync("/api/v1/settings", new { defaultPhoneRegion = "RU" })).EnsureSuccessStatusCode();

        var created = await admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name = "Irina", phone = "8 (912) 345-67-89", email = "Irina@Пример.рф" } });
        var refused = await admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name = "Nobody", phone = "8 (912) 345-67" } });
        var placeholder = await admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name = "Nobody", email = "test@test.com" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var profile = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profile");
        Assert.Equal(("+79123456789", "irina@пример.рф"), (profile.Text("phone"), profile.Text("email")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["phone number is too short for RU (+7)"], Errors(await refused.Content.ReadFromJsonAsync<JsonElement>(), "phone"));
        Assert.Equal(HttpStatusCode.BadRequest, placeholder.StatusCode);
        Assert.Equal(["email 'test@test.com' is a placeholder a form fills in, not an address"], Errors(await placeholder.Content.ReadFromJsonAsync<JsonElement>(), "email"));
    }

    [Fact]
    public async Task The_phone_setting_is_a_region_and_a_calling_code_still_sets_it()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = await OwnWorkspaceAsync(service);

        var initial = await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        var byCode = await admin.PutAsJsonAsync("/api/v1/settings", new { defaultPhoneCountry = "7" });
        var afterCode = await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        var byRegion = await admin.PutAsJsonAsync("/api/v1/settings", new { defaultPhoneRegion = "pt", atRiskAfterDays = 20, churnedAfterDays = 60 });
        var afterRegion = await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings");

        Assert.Equal(("US", "1"), (initial.Text("defaultPhoneRegion"), initial.Text("defaultPhoneCountry")));
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        Assert.Equal(("RU", "7"), (afterCode.Text("defaultPhoneRegion"), afterCode.Text("defaultPhoneCountry")));
        Assert.Equal(HttpStatusCode.OK, byRegion.StatusCode);
        Assert.Equal(("PT", "351", 20), (afterRegion.Text("defaultPhoneRegion"), afterRegion.Text("defaultPhoneCountry"), afterRegion.GetProperty("atRiskAfterDays").GetInt32()));
        var results = await PostAsync(admin, [Message("pt-1", "whatsapp", "912 345 678")]);
        Assert.Equal("accepted", results[0].Text("status"));
        Assert.Equal("+351912345678", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{results[0].Text("customerId")}")).GetProperty("profile").Text("phone"));
    }

    [Theory]
    [InlineData("""{"defaultPhoneRegion":"XX"}""", "defaultPhoneRegion", "must be a two-letter ISO 3166 region code that has phone numbers, such as US, GB or BR")]
    [InlineData("""{"defaultPhoneRegion":null}""", "defaultPhoneRegion", "must be a two-letter ISO 3166 region code that has phone numbers, such as US, GB or BR")]
    [InlineData("""{"defaultPhoneCountry":"800"}""", "defaultPhoneCountry", "must be the country calling code of a region: 1 to 3 digits, such as 1, 44 or 55")]
    [InlineData("""{"defaultPhoneRegion":"GB","defaultPhoneCountry":"1"}""", "defaultPhoneCountry", "must be the calling code of defaultPhoneRegion (44 for GB), or left out")]
    public async Task A_bad_phone_setting_is_a_problem_naming_the_setting_and_changes_nothing(string body, string field, string rule)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = await OwnWorkspaceAsync(service);

        var response = await admin.PutAsync("/api/v1/settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([rule], Errors(await response.Content.ReadFromJsonAsync<JsonElement>(), field));
        Assert.Equal("US", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings")).Text("defaultPhoneRegion"));
    }

    /// <summary>The tests of this class share a database: each works in a workspace of its own, with its own settings.</summary>
    private static async Task<HttpClient> OwnWorkspaceAsync(RunningService service) =>
        service.ClientWith(await service.Admin().CreateWorkspaceAsync($"phones-{Guid.NewGuid():N}"[..30]));

    private static object Message(string id, string channel, string identity) =>
        new { id, type = "message_received", channel, identity, occurredAt = DateTimeOffset.UtcNow, conversationId = "conv-1", text = "hello" };

    private static async Task<JsonElement[]> PostAsync(HttpClient client, IEnumerable<object> events)
    {
        var response = await client.PostAsJsonAsync("/api/v1/events", new { events = events.ToArray() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToArray();
    }

    private static (string? Field, string? Rule) RuleOf(JsonElement result) =>
        (result.GetProperty("error").Text("field"), result.GetProperty("error").Text("rule"));

    private static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(rule => rule.GetString()!).ToArray();
}
