using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class ErrorResponseTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Every_error_status_is_rfc_9457_problem_details()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, "--RateLimiting:Agent:TokenLimit=1", "--RateLimiting:Agent:ReplenishmentPeriod=00:10:00", "--RateLimiting:Agent:TokensPerPeriod=1");
        var admin = service.ClientWith(RunningService.AdminKey);
        var channel = service.ClientWith(await admin.CreateKeyAsync("channel"));
        var agent = service.ClientWith(await admin.CreateKeyAsync("agent"));
        var html = service.ClientWith(RunningService.AdminKey);
        html.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        // Waits for the server's verdict before sending the body, so the early 413 is read rather than a reset connection.
        var uploader = service.ClientWith(RunningService.AdminKey);
        uploader.DefaultRequestHeaders.ExpectContinue = true;
        await agent.GetAsync("/api/v1/stats");

        var responses = new (HttpStatusCode Expected, HttpResponseMessage Response)[]
        {
            (HttpStatusCode.Unauthorized, await service.Http.GetAsync("/api/v1/customers")),
            (HttpStatusCode.Forbidden, await channel.GetAsync("/api/v1/customers")),
            (HttpStatusCode.NotFound, await admin.GetAsync("/api/v1/nowhere")),
            (HttpStatusCode.NotFound, await admin.GetAsync("/api/v1/customers/0123456789abcdef0123456789abcdef")),
            (HttpStatusCode.NotFound, await html.GetAsync("/api/v1/customers/0123456789abcdef0123456789abcdef/orders")),
            (HttpStatusCode.MethodNotAllowed, await admin.DeleteAsync("/api/v1/stats")),
            (HttpStatusCode.UnsupportedMediaType, await admin.PostAsync("/api/v1/customers", new StringContent("{}", Encoding.UTF8, "text/plain"))),
            (HttpStatusCode.BadRequest, await admin.PostAsync("/api/v1/customers", new StringContent("{\"profile\":{\"name\":", Encoding.UTF8, "application/json"))),
            (HttpStatusCode.RequestEntityTooLarge, await uploader.PostAsync("/api/v1/customers", Oversized())),
            (HttpStatusCode.TooManyRequests, await agent.GetAsync("/api/v1/stats")),
        };

        foreach (var (expected, response) in responses)
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_changes_nothing_whether_its_length_is_declared_or_streamed()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        // Waits for the server's verdict before sending the body, so the early 413 is read rather than a reset connection.
        admin.DefaultRequestHeaders.ExpectContinue = true;
        var events = Enumerable.Range(0, 250).Select(i => new
        {
            id = $"big-{i}", type = "message_received", channel = "email", identity = $"big{i}@example.com", occurredAt = DateTimeOffset.UtcNow, conversationId = "c", text = new string('x', 19_000),
        });
        var body = JsonSerializer.Serialize(new { events }, JsonSerializerOptions.Web);
        Assert.True(Encoding.UTF8.GetByteCount(body) > CrmApplication.MaxRequestBodyBytes);

        var declared = await admin.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
        var streamed = await admin.PostAsync("/api/v1/events", Streamed(body));

        foreach (var response in new[] { declared, streamed })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(CrmApplication.MaxRequestBodyBytes.ToString(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/stats")).GetProperty("all").GetInt32());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/customers", """{"profile":{"name":"Ana","nickname":"A"}}""", "profile.nickname", "nickname")]
    [InlineData("/api/v1/customers", """{"profile":{"name":"Ana"},"vip":true}""", "vip", "vip")]
    [InlineData("/api/v1/events", """{"events":[{"id":"e-1","type":"message_received","colour":"red"}]}""", "events[0].colour", "colour")]
    [InlineData("/api/v1/keys", """{"role":"agent","name":"desk","scopes":["*"]}""", "scopes", "scopes")]
    public async Task An_unknown_member_is_refused_naming_it_and_nothing_is_created(string path, string body, string field, string member)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);

        var response = await admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"'{member}' is not a known member", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Contains(member, problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/stats")).GetProperty("all").GetInt32());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys")).EnumerateArray());
    }

    [Fact]
    public async Task Json_of_the_wrong_type_names_the_member_without_naming_dotnet_types()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        var response = await service.ClientWith(RunningService.AdminKey).PostAsync("/api/v1/events", new StringContent("""{"events":[{"id":"e-1","score":"high"}]}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("events[0].score", out _));
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Crm.", text);
    }

    private static StringContent Oversized() =>
        new(JsonSerializer.Serialize(new { profile = new { name = new string('n', (int)CrmApplication.MaxRequestBodyBytes) } }), Encoding.UTF8, "application/json");

    private static StreamContent Streamed(string body)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
