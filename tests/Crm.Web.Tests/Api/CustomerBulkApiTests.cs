using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class CustomerBulkApiTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const string UnknownId = "0000000000000000000000000000dead";

    public static TheoryData<string, string> ActionsAndSelections => new()
    {
        { "set_lifecycle", "ids" }, { "set_lifecycle", "filter" },
        { "add_tags", "ids" }, { "add_tags", "filter" },
        { "remove_tags", "ids" }, { "remove_tags", "filter" },
        { "assign_segment", "ids" }, { "assign_segment", "filter" },
        { "remove_segment", "ids" }, { "remove_segment", "filter" },
    };

    [Theory]
    [MemberData(nameof(ActionsAndSelections))]
    public async Task An_action_changes_only_the_selected_customers_and_repeating_it_reports_them_unchanged(string action, string selection)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "Follow up", kind = "static" });
        var targets = new List<string>();
        var bystanders = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = await workspace.CreateCustomerAsync(new { name = $"Customer {i}" }, i < 4 ? "target" : "bystander", "old");
            await workspace.Admin.PostAsJsonAsync($"/api/v1/customers/{id}/segments", new { segmentId = "follow-up" });
            (i < 4 ? targets : bystanders).Add(id);
        }

        var agent = await workspace.ClientAsync(service, "agent");
        object selected = selection == "ids" ? new { ids = targets.Append(UnknownId) } : new { filter = new { tag = new[] { "target" } } };
        var request = Merge(selected, action switch
        {
            "set_lifecycle" => new { action, lifecycle = "vip" },
            "add_tags" => new { action, tags = new[] { "Promo", "spring" } },
            "remove_tags" => new { action, tags = new[] { "old" } },
            _ => (object)new { action, segmentId = "follow-up" },
        });
        if (action == "assign_segment")
        {
            foreach (var id in targets.Concat(bystanders))
            {
                await workspace.Admin.DeleteAsync($"/api/v1/customers/{id}/segments/follow-up");
            }
        }

        var first = await PostBulkAsync(agent, request);
        var second = await PostBulkAsync(agent, request);

        var expectedIds = selection == "ids" ? targets.Append(UnknownId).ToList() : targets;
        var unknown = selection == "ids" ? 1 : 0;
        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), first.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        if (selection == "ids")
        {
            Assert.Equal(expectedIds, first.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("id").GetString()));
            Assert.Equal("not_found", first.GetProperty("results")[4].GetProperty("outcome").GetString());
        }

        Assert.Equal((4, 0, unknown, 0), Counts(first));
        Assert.All(first.GetProperty("results").EnumerateArray().Where(result => result.GetProperty("id").GetString() != UnknownId), result => Assert.Equal("updated", result.GetProperty("outcome").GetString()));
        Assert.Equal((0, 4, unknown, 0), Counts(second));
        Assert.All(first.GetProperty("results").EnumerateArray(), result => Assert.False(result.TryGetProperty("error", out _)));
        foreach (var id in targets)
        {
            Assert.True(HasBeenApplied(action, await workspace.CustomerAsync(id)), $"{action} was not applied to target {id}");
        }

        foreach (var id in bystanders)
        {
            Assert.False(HasBeenApplied(action, await workspace.CustomerAsync(id)), $"{action} was applied to bystander {id}");
        }
    }

    [Fact]
    public async Task A_customer_that_refuses_the_change_fails_alone_with_the_reason()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var full = await workspace.CreateCustomerAsync(new { name = "Tagged to the brim" }, Enumerable.Range(0, 100).Select(i => $"tag-{i}").ToArray());
        var roomy = await workspace.CreateCustomerAsync(new { name = "Few tags" }, "one");

        var response = await PostBulkAsync(workspace.Admin, new { action = "add_tags", ids = new[] { full, roomy }, tags = new[] { "extra" } });

        Assert.Equal((1, 0, 0, 1), Counts(response));
        Assert.Equal("failed", response.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Contains("at most 100 tags", response.GetProperty("results")[0].GetProperty("error").GetString());
        Assert.Equal("updated", response.GetProperty("results")[1].GetProperty("outcome").GetString());
        Assert.DoesNotContain("extra", Tags(await workspace.CustomerAsync(full)));
        Assert.Contains("extra", Tags(await workspace.CustomerAsync(roomy)));
    }

    [Theory]
    [InlineData("{\"action\":\"paint\",\"ids\":[\"$A\"]}", "action")]
    [InlineData("{\"ids\":[\"$A\"],\"tags\":[\"x\"]}", "action")]
    [InlineData("{\"action\":\"add_tags\",\"tags\":[\"x\"]}", "ids")]
    [InlineData("{\"action\":\"add_tags\",\"ids\":[\"$A\"],\"filter\":{},\"tags\":[\"x\"]}", "ids")]
    [InlineData("{\"action\":\"add_tags\",\"ids\":[],\"tags\":[\"x\"]}", "ids")]
    [InlineData("{\"action\":\"add_tags\",\"ids\":[\"$A\",\"NOT-AN-ID\"],\"tags\":[\"x\"]}", "ids")]
    [InlineData("{\"action\":\"add_tags\",\"ids\":[\"$A\"]}", "tags")]
    [InlineData("{\"action\":\"add_tags\",\"ids\":[\"$A\"],\"tags\":[\"fine\",\"+1\"]}", "tags")]
    [InlineData("{\"action\":\"add_tags\",\"ids\":[\"$A\"],\"tags\":[\"x\"],\"lifecycle\":\"vip\"}", "lifecycle")]
    [InlineData("{\"action\":\"set_lifecycle\",\"ids\":[\"$A\"],\"lifecycle\":\"gold\"}", "lifecycle")]
    [InlineData("{\"action\":\"assign_segment\",\"ids\":[\"$A\"],\"segmentId\":\"no-such-segment\"}", "segmentId")]
    [InlineData("{\"action\":\"assign_segment\",\"ids\":[\"$A\"],\"segmentId\":\"by-rule\"}", "segmentId")]
    [InlineData("{\"action\":\"add_tags\",\"filter\":{\"ltvMin\":-5},\"tags\":[\"x\"]}", "filter.ltvMin")]
    [InlineData("{\"action\":\"add_tags\",\"filter\":{\"lifecycle\":[\"vip\",\"gold\"]},\"tags\":[\"x\"]}", "filter.lifecycle")]
    [InlineData("{\"action\":\"add_tags\",\"filter\":{\"shoeSize\":\"42\"},\"tags\":[\"x\"]}", "filter.shoeSize")]
    [InlineData("{\"action\":\"add_tags\",\"filter\":{\"intent\":{\"is\":\"support\"}},\"tags\":[\"x\"]}", "filter.intent")]
    [InlineData("{\"action\":\"add_tags\",\"filter\":{\"sort\":\"name\"},\"tags\":[\"x\"]}", "filter.sort")]
    public async Task A_bad_request_gets_400_naming_the_field_and_changes_no_customer(string template, string field)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        await workspace.Admin.PostAsJsonAsync("/api/v1/segments", new { name = "By rule", kind = "rule", rule = "orders > 0" });
        var id = await workspace.CreateCustomerAsync(new { name = "Untouched" }, "keep");
        var before = (await workspace.CustomerAsync(id)).GetRawText();

        var response = await workspace.Admin.PostAsync("/api/v1/customers/bulk", new StringContent(template.Replace("$A", id), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await workspace.CustomerAsync(id)).GetRawText());
    }

    [Fact]
    public async Task More_ids_than_the_limit_or_a_filter_selecting_more_is_refused_whole_and_a_narrower_filter_runs()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var now = DateTimeOffset.UtcNow;
        for (var batch = 0; batch < 2; batch++)
        {
            var events = Enumerable.Range(batch * 501, 501).Select(i => new
            {
                id = $"identify-{i}", type = "identify", channel = "email", identity = $"person{i}@example.com", occurredAt = now,
                traits = new { profile = new { name = $"Person {i}", company = i % 10 == 0 ? "Tenth Ltd" : "Other Co" } },
            });
            Assert.Equal(HttpStatusCode.OK, (await workspace.Admin.PostAsJsonAsync("/api/v1/events", new { events })).StatusCode);
        }

        var tooManyIds = await workspace.Admin.PostAsJsonAsync("/api/v1/customers/bulk", new { action = "add_tags", ids = Enumerable.Range(0, 1001).Select(i => $"{i:x32}"), tags = new[] { "x" } });
        var tooBroad = await workspace.Admin.PostAsJsonAsync("/api/v1/customers/bulk", new { action = "add_tags", filter = new { }, tags = new[] { "everyone" } });
        var tagged = await workspace.Admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?tag=everyone");
        var narrow = await PostBulkAsync(workspace.Admin, new { action = "add_tags", filter = new { q = "Tenth" }, tags = new[] { "tenth" } });
        var taggedTenth = await workspace.Admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?tag=tenth&limit=200");

        Assert.Equal(HttpStatusCode.BadRequest, tooManyIds.StatusCode);
        Assert.True((await tooManyIds.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ids", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooBroad.StatusCode);
        Assert.Contains("narrow it", (await tooBroad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("filter")[0].GetString());
        Assert.Empty(tagged.GetProperty("items").EnumerateArray());
        Assert.Equal((101, 0, 0, 0), Counts(narrow));
        Assert.Equal(101, taggedTenth.GetProperty("items").GetArrayLength());
    }

    private static async Task<JsonElement> PostBulkAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers/bulk", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (int Updated, int Unchanged, int NotFound, int Failed) Counts(JsonElement response) => (
        response.GetProperty("updated").GetInt32(),
        response.GetProperty("unchanged").GetInt32(),
        response.GetProperty("notFound").GetInt32(),
        response.GetProperty("failed").GetInt32());

    private static bool HasBeenApplied(string action, JsonElement customer) => action switch
    {
        "set_lifecycle" => customer.GetProperty("lifecycle").GetString() == "vip",
        "add_tags" => Tags(customer).Contains("promo") && Tags(customer).Contains("spring"),
        "remove_tags" => !Tags(customer).Contains("old"),
        "assign_segment" => Segments(customer).Contains("follow-up"),
        _ => !Segments(customer).Contains("follow-up"),
    };

    private static List<string?> Tags(JsonElement customer) => customer.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()).ToList();

    private static List<string?> Segments(JsonElement customer) => customer.GetProperty("segments").EnumerateArray().Select(segment => segment.GetString()).ToList();

    /// <summary>The properties of both anonymous objects as one JSON object.</summary>
    private static JsonElement Merge(object first, object second)
    {
        var merged = JsonSerializer.SerializeToNode(first)!.AsObject();
        foreach (var (name, value) in JsonSerializer.SerializeToNode(second)!.AsObject())
        {
            merged[name] = value?.DeepClone();
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
