using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Demo;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Demo;

public sealed class DemoCustomerTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task A_seeded_customer_has_linked_channels_a_conversation_history_and_rule_segments_with_members()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString, "--demo", "20", "--demo-seed", "7");
        await service.Services.GetRequiredService<DemoSeeder>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var admin = service.ClientWith(RunningService.AdminKey);

        var vips = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?lifecycle=vip&limit=200")).GetProperty("items").EnumerateArray().ToArray();
        var vip = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{vips[0].GetProperty("id").GetString()}");
        var timeline = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{vips[0].GetProperty("id").GetString()}/timeline?limit=200");
        var bigSpenders = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?segment=big-spenders&limit=200")).GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal(Enumerable.Range(0, 20).Count(i => DemoPersonas.ForIndex(i) == DemoPersona.Vip), vips.Length);
        Assert.True(vip.GetProperty("lifetimeValue").GetDecimal() >= 1000m);
        Assert.True(vip.GetProperty("orders").GetInt32() >= 2);
        Assert.False(string.IsNullOrEmpty(vip.GetProperty("profile").GetProperty("name").GetString()));
        var kinds = timeline.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "customer_created", "conversation_opened", "order_placed" }, kinds);
        Assert.Contains(vips[0].GetProperty("id").GetString(), bigSpenders.Select(row => row.GetProperty("id").GetString()));
        Assert.All(bigSpenders, row => Assert.True(row.GetProperty("lifetimeValue").GetDecimal() >= 500m && row.GetProperty("orders").GetInt32() >= 2));
    }
}
