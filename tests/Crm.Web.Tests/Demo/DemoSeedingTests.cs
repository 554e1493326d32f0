using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Demo;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Demo;

public sealed class DemoSeedingTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const int Customers = 40;

    [Fact]
    public async Task Seeding_creates_every_customer_with_each_personas_stage_and_seeding_again_changes_nothing()
    {
        var expected = Enumerable.Range(0, Customers).Select(DemoPersonas.ForIndex).ToArray();

        var (first, statsAfterFirst, rowsAfterFirst) = await SeedAsync();
        var (second, statsAfterSecond, rowsAfterSecond) = await SeedAsync();

        Assert.Equal(0, first.Rejected);
        Assert.Equal(0, first.Duplicates);
        Assert.True(first.Accepted > Customers * 5, $"only {first.Accepted} events for {Customers} customers");
        Assert.Equal(Customers, statsAfterFirst.GetProperty("all").GetInt32());
        Assert.Equal(expected.Count(p => p == DemoPersona.Active), statsAfterFirst.GetProperty("active").GetInt32());
        Assert.Equal(expected.Count(p => p == DemoPersona.AtRisk), statsAfterFirst.GetProperty("needsAttention").GetInt32());
        Assert.InRange(statsAfterFirst.GetProperty("salesOpportunities").GetInt32(), 1, Customers - 1);
        Assert.Equal(
            expected.GroupBy(p => p.Lifecycle()).ToDictionary(g => ReadModelName(g.Key), g => g.Count()),
            rowsAfterFirst.GroupBy(row => row.GetProperty("lifecycle").GetString()!).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Contains(rowsAfterFirst, row => row.GetProperty("tags").GetArrayLength() > 0);

        Assert.Equal(0, second.Accepted);
        Assert.Equal(first.Accepted, second.Duplicates);
        Assert.Equal(statsAfterFirst.GetRawText(), statsAfterSecond.GetRawText());
        Assert.Equal(rowsAfterFirst.Select(row => row.GetRawText()), rowsAfterSecond.Select(row => row.GetRawText()));
    }

    private async Task<(DemoSeedResult Result, JsonElement Stats, JsonElement[] Rows)> SeedAsync()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, "--demo", Customers.ToString());
        var result = await service.Services.GetRequiredService<DemoSeeder>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var admin = service.ClientWith(RunningService.AdminKey);
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/v1/stats");
        var rows = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?sort=name&limit=200")).GetProperty("items").EnumerateArray().ToArray();
        return (result, stats, rows);
    }

    private static string ReadModelName(Crm.Grains.Customers.Lifecycle stage) => Crm.Grains.ReadModel.ReadModelNames.Of(stage);
}
