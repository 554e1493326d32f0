using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
namespace Crm.Web.Tests.Infrastructure;

/// <summary>The REST calls many tests make to set the scene, so each test reads as the story it checks.</summary>
public static class ServiceApi
{
    public static async Task<string> CreateKeyAsync(this HttpClient admin, string role)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/keys", new { role, name = $"{role} key" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    public static async Task<string> CreateWorkspaceAsync(this HttpClient admin, string id)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/workspaces", new { id });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adminKey").GetProperty("key").GetString()!;
    }

    /// <summary>Posts one message per identity and answers the customer id each landed on.</summary>
    public static async Task<string[]> PostMessagesAsync(this HttpClient client, IEnumerable<string> identities, string text = "hello there")
    {
        var events = identities.Select(identity => new
        {
            id = Guid.NewGuid().ToString("N"),
            type = "message_received",
            channel = "email",
            identity,
            occurredAt = DateTimeOffset.UtcNow,
            conversationId = $"conv-{identity}",
            text,
        }).ToArray();
        var response = await client.PostAsJsonAsync("/api/v1/events", new { events });
        response.EnsureSuccessStatusCode();
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToArray();
        Assert.All(results, result => Assert.Equal("accepted", result.GetProperty("status").GetString()));
        return results.Select(result => result.GetProperty("customerId").GetString()!).ToArray();
    }

    public static async Task<JsonElement> StatsAsync(this HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/stats");

    public static HttpClient Admin(this RunningService service) => service.ClientWith(RunningService.AdminKey);

    /// <summary>Every row <c>GET /api/v1/customers?{parameters}</c> lists, in order, following the cursor page by page to the end.</summary>
    public static async Task<List<JsonElement>> ListCustomersAsync(this HttpClient client, string parameters, int pageSize = 200)
    {
        var rows = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?{parameters}&limit={pageSize}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return rows;
    }
}
