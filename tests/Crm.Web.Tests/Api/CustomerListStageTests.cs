using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Demo;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Api;

public sealed class CustomerListStageTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-stages-");

    public static TheoryData<string, string> StoresAndSorts => new()
    {
        { "postgres", "-lastActive" },
        { "postgres", "ltv" },
        { "sqlite", "-lastActive" },
        { "sqlite", "name" },
    };

    [Theory]
    [MemberData(nameof(StoresAndSorts))]
    public async Task Several_stages_page_in_sort_order_giving_each_customer_of_those_stages_exactly_once(string store, string sort)
    {
        await using var service = await StartAsync(store);
        await service.Services.GetRequiredService<DemoSeeder>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var admin = service.ClientWith(RunningService.AdminKey);

        var everyone = await admin.ListCustomersAsync($"sort={sort}", pageSize: 200);
        var quiet = await admin.ListCustomersAsync($"lifecycle=at_risk&lifecycle=churned&lifecycle=lead&sort={sort}", pageSize: 3);

        var expected = everyone.Where(row => row.GetProperty("lifecycle").GetString() is "at_risk" or "churned" or "lead").Select(Id).ToArray();
        Assert.Equal(10, expected.Length);
        Assert.Equal(expected, quiet.Select(Id));
    }

    private Task<RunningService> StartAsync(string store) => store == "postgres"
        ? RunningService.StartOnPostgresAsync(postgres.ConnectionString, "--demo", "20")
        : RunningService.StartAsync(
            "--Storage:Provider=Sqlite", $"--ConnectionStrings:Crm=Data Source={Path.Combine(_folder.FullName, "crm.db")}", $"--CRM_BOOTSTRAP_KEY={RunningService.AdminKey}", "--demo", "20");

    private static string Id(JsonElement row) => row.GetProperty("id").GetString()!;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
