using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Web.Tests.Infrastructure;

/// <summary>
/// A workspace of its own with its admin client, so tests that share a database (one per test class) never see each
/// other's customers or segments.
/// </summary>
public sealed class Workspace(string id, HttpClient admin)
{
    public string Id { get; } = id;

    public HttpClient Admin { get; } = admin;

    public static async Task<Workspace> CreateAsync(RunningService service)
    {
        var id = $"ws-{Guid.NewGuid():N}"[..24];
        return new Workspace(id, service.ClientWith(await service.Admin().CreateWorkspaceAsync(id)));
    }

    /// <summary>A client with a new key of <paramref name="role"/> in this workspace.</summary>
    public async Task<HttpClient> ClientAsync(RunningService service, string role)
    {
        return service.ClientWith(await Admin.CreateKeyAsync(role));
    }

    public async Task<string> CreateCustomerAsync(object profile, params string[] tags)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/customers", new { profile, tags });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public Task<JsonElement> CustomerAsync(string id) => Admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
}
