using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class CustomerLifecycleApiTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Merge_previews_then_merges_and_the_old_id_answers_with_the_survivor()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var survivor = await CreateAsync(admin, "Rita Oliveira", "rita@example.com");
        var duplicate = await CreateAsync(admin, "R. Oliveira", "rita.o@example.com");

        var preview = await (await admin.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = duplicate, dryRun = true })).Content.ReadFromJsonAsync<JsonElement>();
        var stillTwo = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/stats")).GetProperty("all").GetInt32();
        var merged = await admin.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = duplicate, dryRun = false });
        var viaOldId = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{duplicate}");
        var self = await admin.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = survivor, dryRun = false });

        Assert.True(preview.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, stillTwo);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(survivor, viaOldId.GetProperty("id").GetString());
        Assert.Equal(survivor, viaOldId.GetProperty("mergedInto").GetString());
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/stats")).GetProperty("all").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
    }

    [Fact]
    public async Task Export_holds_the_timeline_and_erase_leaves_nothing_to_find()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var admin = service.ClientWith(RunningService.AdminKey);
        var id = await CreateAsync(admin, "Sam Lee", "sam@example.com");
        await admin.PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = "Called about an invoice" });

        var export = await admin.GetAsync($"/api/v1/customers/{id}/export");
        var body = await export.Content.ReadFromJsonAsync<JsonElement>();
        var timeline = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/timeline?limit=1");
        var erased = await admin.DeleteAsync($"/api/v1/customers/{id}");

        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(body.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("kind").GetString() == "note_added");
        Assert.Equal("note_added", timeline.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/customers/{id}")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=sam")).GetProperty("items").EnumerateArray());
    }

    private static async Task<string> CreateAsync(HttpClient admin, string name, string email)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/customers", new { profile = new { name, email } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
