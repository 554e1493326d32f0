using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Isolation;

/// <summary>
/// Every API and hub route, called with a missing, revoked, under-privileged or other workspace's key: refused or
/// empty-handed, never another workspace's data, never a change to it.
/// </summary>
public sealed class WorkspaceIsolationTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    /// <summary>Every piece of workspace A's data carries this, so a leak shows up in any response body.</summary>
    private const string Marker = "zq7marker";

    [Fact]
    public async Task Every_route_refuses_missing_and_revoked_keys_and_roles_it_does_not_serve()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        var revoked = await admin.CreateKeyAsync("admin");
        var revokedId = await KeyIdAsync(admin, "admin key");
        (await admin.DeleteAsync($"/api/v1/keys/{revokedId}")).EnsureSuccessStatusCode();
        var channel = service.ClientWith(await admin.CreateKeyAsync("channel"));
        var agent = service.ClientWith(await admin.CreateKeyAsync("agent"));
        var routes = ApiRoute.All(service.Services);
        var failures = new List<string>();

        foreach (var route in routes)
        {
            var path = route.Path((_, _) => new string('a', 32));
            await Expect(route, "no key", service.Http, path, status => status == HttpStatusCode.Unauthorized);
            await Expect(route, "revoked key", service.ClientWith(revoked), path, status => status == HttpStatusCode.Unauthorized);
            await Expect(route, "channel key", channel, path, status => Serves(route, "ingest") ? status != HttpStatusCode.Forbidden : status == HttpStatusCode.Forbidden);
            await Expect(route, "agent key", agent, path, status => Serves(route, "agent") ? status != HttpStatusCode.Forbidden : status == HttpStatusCode.Forbidden);
        }

        Assert.Contains(routes, route => route.Pattern.StartsWith("/hubs/dashboard", StringComparison.Ordinal));
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found");
        Assert.Empty(failures);

        async Task Expect(ApiRoute route, string caller, HttpClient client, string path, Func<HttpStatusCode, bool> acceptable)
        {
            using var response = await client.SendAsync(Request(route.Method, path, "{}"));
            if (!acceptable(response.StatusCode))
            {
                failures.Add($"{route} with {caller}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Another_workspace_calling_every_route_with_this_workspaces_ids_gets_none_of_its_data_and_changes_nothing()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.Admin();
        var seeded = await SeedAsync(admin);
        var before = await SnapshotAsync(admin, seeded);
        var other = service.ClientWith(await admin.CreateWorkspaceAsync("isolation-b"));
        var failures = new List<string>();

        foreach (var route in ApiRoute.All(service.Services).Where(route => route.Pattern.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var path = route.Path(seeded.ValueFor);
            using var response = await other.SendAsync(Request(route.Method, path, seeded.BodyFor(route)));
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains(Marker, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{route.Method} {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }

        foreach (var search in new[]
        {
            $"/api/v1/customers?q={Marker}", $"/api/v1/customers?tag={Marker}-tag", "/api/v1/customers", "/api/v1/duplicates", "/api/v1/keys",
            "/api/v1/segments", $"/api/v1/customers/export.csv?q={Marker}", $"/api/v1/customers/export.csv?ids={seeded.CustomerId}",
        })
        {
            var body = await other.GetStringAsync(search);
            if (body.Contains(Marker, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"GET {search} leaked: {body}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync(admin, seeded));
    }

    /// <summary>A route serves a role when every policy on it admits that role; admin passes them all.</summary>
    private static bool Serves(ApiRoute route, string policy) => route.Policies.All(each => each == policy);

    private sealed record Seeded(string CustomerId, string DuplicateId, string KeyId, string NoteId, string SegmentId)
    {
        public string ValueFor(string pattern, string parameter) => parameter switch
        {
            "id" when pattern.StartsWith("/api/v1/keys", StringComparison.Ordinal) => KeyId,
            "id" when pattern.StartsWith("/api/v1/segments", StringComparison.Ordinal) => SegmentId,
            "id" => CustomerId,
            "segmentId" => SegmentId,
            "noteId" => NoteId,
            "tag" => $"{Marker}-tag",
            "key" => $"{Marker}_field",
            _ => throw new InvalidOperationException($"The isolation test has no value for {{{parameter}}} in {pattern}: add one."),
        };

        public string BodyFor(ApiRoute route) => (route.Method, route.Pattern) switch
        {
            (_, var pattern) when pattern.EndsWith("/merge", StringComparison.Ordinal) => JsonSerializer.Serialize(new { duplicateId = DuplicateId, dryRun = false }),
            (_, var pattern) when pattern.EndsWith("/lifecycle", StringComparison.Ordinal) => """{"lifecycle":"vip"}""",
            (_, var pattern) when pattern.EndsWith("/intent", StringComparison.Ordinal) => """{"intent":"support","note":"intruder"}""",
            (_, var pattern) when pattern.EndsWith("/tags", StringComparison.Ordinal) => """{"tags":["intruder"]}""",
            (_, var pattern) when pattern.EndsWith("/segments", StringComparison.Ordinal) && pattern.Contains("/customers/") => JsonSerializer.Serialize(new { segmentId = SegmentId }),
            (_, var pattern) when pattern.Contains("/notes") => """{"text":"intruder"}""",
            ("POST", "/api/v1/segments") => """{"name":"intruders","kind":"static"}""",
            ("PATCH", "/api/v1/segments/{id}") => """{"name":"renamed by an intruder"}""",
            ("POST", "/api/v1/customers/bulk") => JsonSerializer.Serialize(new { action = "add_tags", ids = new[] { CustomerId, DuplicateId }, tags = new[] { "intruder" } }),
            ("PATCH", "/api/v1/customers/{id}") => """{"name":"Intruder"}""",
            ("POST", "/api/v1/events") => JsonSerializer.Serialize(new { events = new[] { new { id = "intruder-1", type = "message_received", channel = "email", identity = "intruder@example.com", occurredAt = DateTimeOffset.UtcNow, conversationId = "c", text = "hi" } } }),
            _ => "{}",
        };
    }

    /// <summary>Workspace A: a customer with a name, tag, note and custom field carrying the marker, a duplicate, a key.</summary>
    private static async Task<Seeded> SeedAsync(HttpClient admin)
    {
        var ids = await admin.PostMessagesAsync([$"{Marker}@example.com", $"{Marker}.two@example.com"]);
        (await admin.PatchAsJsonAsync($"/api/v1/customers/{ids[0]}", new { name = $"Ada {Marker}" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/customers/{ids[0]}/tags", new { tags = new[] { $"{Marker}-tag" } })).EnsureSuccessStatusCode();
        var note = await (await admin.PostAsJsonAsync($"/api/v1/customers/{ids[0]}/notes", new { text = $"{Marker} note" })).Content.ReadFromJsonAsync<JsonElement>();
        var segment = await (await admin.PostAsJsonAsync("/api/v1/segments", new { name = "Gold circle", description = $"{Marker} members", kind = "static" })).Content.ReadFromJsonAsync<JsonElement>();
        (await admin.PostAsJsonAsync($"/api/v1/customers/{ids[0]}/segments", new { segmentId = segment.GetProperty("id").GetString() })).EnsureSuccessStatusCode();
        await admin.CreateKeyAsync("agent");
        return new Seeded(ids[0], ids[1], await KeyIdAsync(admin, "agent key"), note.GetProperty("id").GetString()!, segment.GetProperty("id").GetString()!);
    }

    private static async Task<string> SnapshotAsync(HttpClient admin, Seeded seeded)
    {
        var snapshot = new StringBuilder();
        foreach (var path in new[]
        {
            $"/api/v1/customers/{seeded.CustomerId}", $"/api/v1/customers/{seeded.DuplicateId}", $"/api/v1/customers/{seeded.CustomerId}/timeline",
            "/api/v1/customers", "/api/v1/stats", "/api/v1/keys", "/api/v1/settings", "/api/v1/duplicates",
            "/api/v1/segments", $"/api/v1/segments/{seeded.SegmentId}/members",
        })
        {
            snapshot.Append(path).Append(" => ").AppendLine(await admin.GetStringAsync(path));
        }

        return snapshot.ToString();
    }

    private static async Task<string> KeyIdAsync(HttpClient admin, string name) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys")).EnumerateArray()
            .Last(key => key.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private static HttpRequestMessage Request(string method, string path, string body) =>
        new(new HttpMethod(method), path) { Content = method is "GET" or "HEAD" ? null : new StringContent(body, Encoding.UTF8, "application/json") };
}
