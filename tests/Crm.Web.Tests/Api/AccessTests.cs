using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class AccessTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Requests_without_a_valid_key_get_401_and_roles_limit_what_a_key_may_do()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var channel = service.ClientWith(await admin.CreateKeyAsync("channel"));
        var agent = service.ClientWith(await admin.CreateKeyAsync("agent"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Http.GetAsync("/api/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.ClientWith("crm_not-a-key").GetAsync("/api/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await channel.GetAsync("/api/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/events", new { events = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/stats")).StatusCode);
    }

    [Fact]
    public async Task Keys_are_listed_without_secrets_and_a_revoked_key_stops_working_at_once()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var created = await (await admin.PostAsJsonAsync("/api/v1/keys", new { role = "agent", name = "Support desk" })).Content.ReadFromJsonAsync<JsonElement>();
        var agent = service.ClientWith(created.GetProperty("key").GetString()!);
        var before = await agent.GetAsync("/api/v1/stats");

        var listed = await admin.GetStringAsync("/api/v1/keys");
        var revoked = await admin.DeleteAsync($"/api/v1/keys/{created.GetProperty("id").GetString()}");
        var after = await agent.GetAsync("/api/v1/stats");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("Support desk", listed);
        Assert.DoesNotContain(created.GetProperty("key").GetString()!, listed);
        Assert.DoesNotContain("secretHash", listed);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_new_workspace_has_its_own_admin_key_and_sees_nothing_of_another()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var ingest = await admin.PostAsJsonAsync("/api/v1/events", new { events = new[] { new { id = "e-1", type = "message_received", channel = "email", identity = "only@default.example", occurredAt = DateTimeOffset.UtcNow, conversationId = "c", text = "hi" } } });
        var customerId = (await ingest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("customerId").GetString();

        var workspace = await (await admin.PostAsJsonAsync("/api/v1/workspaces", new { id = "globex" })).Content.ReadFromJsonAsync<JsonElement>();
        var globex = service.ClientWith(workspace.GetProperty("adminKey").GetProperty("key").GetString()!);

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync($"/api/v1/customers/{customerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/customers/{customerId}")).StatusCode);
        Assert.Equal(0, (await globex.GetFromJsonAsync<JsonElement>("/api/v1/stats")).GetProperty("all").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await globex.PostAsJsonAsync("/api/v1/workspaces", new { id = "initech" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/workspaces", new { id = "globex" })).StatusCode);
    }
}
