using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class SegmentApiTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task A_segment_is_created_read_listed_edited_and_deleted_and_is_gone_afterwards()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var agent = await workspace.ClientAsync(service, "agent");

        var created = await agent.PostAsJsonAsync("/api/v1/segments", new { name = "Big spenders", description = "LTV over 500", kind = "rule", rule = "ltv > 500" });
        var manual = await agent.PostAsJsonAsync("/api/v1/segments", new { name = "Call back", kind = "manual" });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var fetched = await agent.GetFromJsonAsync<JsonElement>("/api/v1/segments/big-spenders");
        var patched = await agent.PatchAsJsonAsync("/api/v1/segments/big-spenders", new { name = "Whales", rule = "ltv >= 1000 and orders > 2" });
        var patchedBody = await patched.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await agent.GetFromJsonAsync<JsonElement>("/api/v1/segments");
        var deletedByAgent = await agent.DeleteAsync("/api/v1/segments/big-spenders");
        var deleted = await workspace.Admin.DeleteAsync("/api/v1/segments/big-spenders");
        var afterDelete = await agent.GetAsync("/api/v1/segments/big-spenders");
        var listedAfter = await agent.GetFromJsonAsync<JsonElement>("/api/v1/segments");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/segments/big-spenders", created.Headers.Location?.OriginalString);
        Assert.Equal("big-spenders", body.GetProperty("id").GetString());
        Assert.Equal("rule", body.GetProperty("kind").GetString());
        Assert.Equal("LTV over 500", body.GetProperty("description").GetString());
        Assert.Equal(0, body.GetProperty("memberCount").GetInt64());
        Assert.Equal(HttpStatusCode.Created, manual.StatusCode);
        Assert.Equal("static", (await manual.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        Assert.Equal(body.GetProperty("rule").GetString(), fetched.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Whales", patchedBody.GetProperty("name").GetString());
        Assert.Equal("LTV over 500", patchedBody.GetProperty("description").GetString());
        Assert.Contains("orders > 2", patchedBody.GetProperty("rule").GetString());
        Assert.Equal(["big-spenders", "call-back"], listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
        Assert.Equal("Whales", listed.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, deletedByAgent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.Equal(["call-back"], listedAfter.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("lifecycle = gold", "column 13: unknown lifecycle 'gold'; use lead, customer, active, at_risk, churned or vip")]
    [InlineData("lifecyle = vip", "column 1: unknown field 'lifecyle' (did you mean 'lifecycle'?)")]
    [InlineData("orders > 1 and ltv = \"abc\"", "column 22: 'ltv' is a number and cannot be compared with \"abc\"")]
    public async Task A_rule_that_does_not_parse_gets_400_on_the_field_rule_with_the_column_and_nothing_is_stored(string rule, string message)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Good", kind = "rule", rule = "lifecycle = vip" });

        var created = await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Bad", kind = "rule", rule });
        var patched = await workspace.Admin.PatchAsJsonAsync("/api/v1/segments/good", new { rule });
        var listed = await workspace.Admin.GetFromJsonAsync<JsonElement>("/api/v1/segments");

        foreach (var response in new[] { created, patched })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.Equal([message], problem.GetProperty("errors").GetProperty("rule").EnumerateArray().Select(error => error.GetString()));
        }

        var only = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("lifecycle = vip", only.GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("{\"name\":\"Kindless\"}", "kind")]
    [InlineData("{\"name\":\"Odd\",\"kind\":\"smart\"}", "kind")]
    [InlineData("{\"name\":\"\",\"kind\":\"static\"}", "name")]
    [InlineData("{\"name\":\"Hand picked\",\"kind\":\"static\",\"rule\":\"ltv > 1\"}", "rule")]
    [InlineData("{\"name\":\"No rule\",\"kind\":\"rule\"}", "rule")]
    public async Task A_bad_segment_gets_400_naming_the_field(string json, string field)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);

        var response = await workspace.Admin.PostAsync("/api/v1/segments", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await workspace.Admin.GetFromJsonAsync<JsonElement>("/api/v1/segments")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Member_pages_give_every_member_once_in_id_order_and_counts_match()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Picked", kind = "static" });
        await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Wholesale", kind = "rule", rule = "tags has \"wholesale\"" });
        var picked = new List<string>();
        var wholesale = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var id = await workspace.CreateCustomerAsync(new { name = $"Member {i}" }, i % 3 == 0 ? ["wholesale"] : []);
            if (i % 3 == 0)
            {
                wholesale.Add(id);
            }

            if (i % 4 != 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await workspace.Admin.PostAsJsonAsync($"/api/v1/customers/{id}/segments", new { segmentId = "picked" })).StatusCode);
                picked.Add(id);
            }
        }

        var pickedPages = await PageThroughMembersAsync(workspace.Admin, "picked", pageSize: 4);
        var wholesalePages = await PageThroughMembersAsync(workspace.Admin, "wholesale", pageSize: 3);
        var listed = await workspace.Admin.GetFromJsonAsync<JsonElement>("/api/v1/segments");

        Assert.Equal(picked.Order(StringComparer.Ordinal), pickedPages.SelectMany(page => page));
        Assert.True(pickedPages.Take(pickedPages.Count - 1).All(page => page.Count == 4));
        Assert.Equal(wholesale.Order(StringComparer.Ordinal), wholesalePages.SelectMany(page => page));
        Assert.Equal(
            [picked.Count, wholesale.Count],
            listed.GetProperty("items").EnumerateArray().Select(item => (int)item.GetProperty("memberCount").GetInt64()));
        Assert.Equal(picked.Count, (await workspace.Admin.GetFromJsonAsync<JsonElement>("/api/v1/segments/picked")).GetProperty("memberCount").GetInt64());
    }

    [Fact]
    public async Task A_rule_segment_created_after_its_customers_fills_in_and_says_when_its_count_is_final()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var wholesale = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var id = await workspace.CreateCustomerAsync(new { name = $"Buyer {i}" }, i % 3 == 0 ? ["wholesale"] : []);
            if (i % 3 == 0)
            {
                wholesale.Add(id);
            }
        }

        var created = await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Wholesale", kind = "rule", rule = "tags has \"wholesale\"" });
        var final = await EventuallyAsync(
            () => workspace.Admin.GetFromJsonAsync<JsonElement>("/api/v1/segments/wholesale"),
            segment => !segment.GetProperty("membersEvaluating").GetBoolean());
        var members = await PageThroughMembersAsync(workspace.Admin, "wholesale", pageSize: 50);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(wholesale.Count, final.GetProperty("memberCount").GetInt64());
        Assert.Equal(wholesale.Order(StringComparer.Ordinal), members.SelectMany(page => page));
    }

    [Fact]
    public async Task Unknown_segments_get_404_and_another_workspace_sees_none_of_them()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var other = await Workspace.CreateAsync(service);
        await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Ours", kind = "static" });

        foreach (var client in new[] { workspace.Admin, other.Admin })
        {
            foreach (var id in new[] { "nope", "Not_An_Id!" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/segments/{id}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/segments/{id}", new { name = "x" })).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/segments/{id}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/segments/{id}/members")).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.GetAsync("/api/v1/segments/ours")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.GetAsync("/api/v1/segments/ours/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.DeleteAsync("/api/v1/segments/ours")).StatusCode);
        Assert.Empty((await other.Admin.GetFromJsonAsync<JsonElement>("/api/v1/segments")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await workspace.Admin.GetAsync("/api/v1/segments/ours")).StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-customer-id", "cursor")]
    public async Task Bad_member_page_parameters_get_400_naming_the_parameter(string parameters, string field)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Picked", kind = "static" });

        var response = await workspace.Admin.GetAsync($"/api/v1/segments/picked/members?{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private static async Task<List<List<string>>> PageThroughMembersAsync(HttpClient client, string segment, int pageSize)
    {
        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/segments/{segment}/members?limit={pageSize}{(cursor is null ? "" : $"&cursor={cursor}")}");
            pages.Add(page.GetProperty("items").EnumerateArray().Select(id => id.GetString()!).ToList());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return pages;
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var value = await read(); ; value = await read())
        {
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"still {value} after 30 s");
            await Task.Delay(50);
        }
    }
}
