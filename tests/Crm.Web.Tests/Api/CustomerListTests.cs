using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class CustomerListTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-list-");

    public static TheoryData<string> Stores => ["postgres", "sqlite"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Filters_sorts_and_cursor_pages_give_every_matching_customer_exactly_once(string store)
    {
        await using var service = await StartAsync(store);
        var admin = service.ClientWith(RunningService.AdminKey);
        await SeedAsync(admin, count: 30);

        var all = await admin.ListCustomersAsync("sort=-ltv", pageSize: 7);
        var vipOnly = await admin.ListCustomersAsync("lifecycle=vip&sort=name", pageSize: 4);
        var searched = await admin.ListCustomersAsync("q=ACME&tag=wholesale", pageSize: 50);
        var ranged = await admin.ListCustomersAsync("ltvMin=100&ltvMax=300&ordersMin=1", pageSize: 3);

        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Select(row => row.GetProperty("id").GetString()).Distinct().Count());
        Assert.True(all.Select(row => row.GetProperty("lifetimeValue").GetDecimal()).SequenceEqual(all.Select(row => row.GetProperty("lifetimeValue").GetDecimal()).OrderDescending()));
        Assert.All(vipOnly, row => Assert.Equal("vip", row.GetProperty("lifecycle").GetString()));
        Assert.Equal(all.Count(row => row.GetProperty("lifecycle").GetString() == "vip"), vipOnly.Count);
        Assert.True(vipOnly.Select(row => row.GetProperty("name").GetString()).SequenceEqual(vipOnly.Select(row => row.GetProperty("name").GetString()).Order(StringComparer.OrdinalIgnoreCase)));
        Assert.NotEmpty(searched);
        Assert.All(searched, row => Assert.Contains("wholesale", row.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString())));
        Assert.All(ranged, row => Assert.InRange(row.GetProperty("lifetimeValue").GetDecimal(), 100m, 300m));
        Assert.Equal(all.Count(row => row.GetProperty("lifetimeValue").GetDecimal() is >= 100m and <= 300m), ranged.Count);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Ids_name_the_rows_to_reread_and_other_filters_still_narrow_them(string store)
    {
        await using var service = await StartAsync(store);
        var admin = service.ClientWith(RunningService.AdminKey);
        await SeedAsync(admin, count: 12);
        var all = await admin.ListCustomersAsync("sort=name", pageSize: 50);
        var named = all.Where((_, index) => index % 3 == 0).ToArray();
        var ids = string.Join('&', named.Select(row => "ids=" + row.GetProperty("id").GetString()));
        var valuable = named.Where(row => row.GetProperty("lifetimeValue").GetDecimal() >= 100m).ToArray();

        var reread = await admin.ListCustomersAsync($"{ids}&sort=name", pageSize: 3);
        var rereadValuable = await admin.ListCustomersAsync($"{ids}&ltvMin=100", pageSize: 50);

        Assert.Equal(named.Select(Id), reread.Select(Id));
        Assert.Equal(valuable.Select(Id).Order(), rereadValuable.Select(Id).Order());
        Assert.InRange(valuable.Length, 1, named.Length - 1);

        static string Id(JsonElement row) => row.GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData("ids=0123", "ids")]
    [InlineData("ids=0123456789abcdef0123456789ABCDEF", "ids")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("sort=shoe_size", "sort")]
    [InlineData("lifecycle=gold", "lifecycle")]
    [InlineData("intent=curious", "intent")]
    [InlineData("ltvMin=-5", "ltvMin")]
    [InlineData("createdAfter=yesterday", "createdAfter")]
    [InlineData("cursor=bm9wZQ", "cursor")]
    [InlineData("tagMode=some", "tagMode")]
    public async Task Bad_list_parameters_get_400_naming_the_parameter(string parameters, string field)
    {
        await using var service = await StartAsync("postgres");

        var response = await service.ClientWith(RunningService.AdminKey).GetAsync($"/api/v1/customers?{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private Task<RunningService> StartAsync(string store) => store == "postgres"
        ? RunningService.StartOnPostgresAsync(postgres.ConnectionString)
        : RunningService.StartAsync("--Storage:Provider=Sqlite", $"--ConnectionStrings:Crm=Data Source={Path.Combine(_folder.FullName, "crm.db")}", $"--CRM_BOOTSTRAP_KEY={RunningService.AdminKey}");

    private static async Task SeedAsync(HttpClient admin, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, count).SelectMany(i => new object[]
        {
            new
            {
                id = $"identify-{i}", type = "identify", channel = "email", identity = $"person{i}@example.com", occurredAt = now.AddMinutes(-i),
                traits = new { profile = new { name = $"Person {(char)('A' + (i % 26))}{i}", company = i % 3 == 0 ? "Acme Corp" : "Globex" } },
            },
            new { id = $"order-{i}", type = "order_placed", channel = "email", identity = $"person{i}@example.com", occurredAt = now, orderId = $"o-{i}", amount = 37m * i, currency = "EUR" },
        });
        var response = await admin.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?limit=200");
        foreach (var row in page.GetProperty("items").EnumerateArray().Where((_, index) => index % 2 == 0))
        {
            await admin.PostAsJsonAsync($"/api/v1/customers/{row.GetProperty("id").GetString()}/tags", new { tags = new[] { "wholesale" } });
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
