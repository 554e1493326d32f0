using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Crm.Web.Tests.Infrastructure;

/// <summary>
/// Once writes stop, the list (the read model's rows), the stat cards and the customer grains must tell the same story,
/// and the cards must equal a COUNT over the rows.
/// </summary>
public static class ReadModelAgreement
{
    public const string Workspace = "default";

    /// <summary>Every row of the customer list, following the cursor to the end.</summary>
    public static async Task<Dictionary<string, JsonElement>> ListAllAsync(HttpClient client)
    {
        var rows = new Dictionary<string, JsonElement>();
        foreach (var row in await client.ListCustomersAsync(string.Empty))
        {
            Assert.True(rows.TryAdd(row.GetProperty("id").GetString()!, row), $"the list returned {row.GetProperty("id")} twice");
        }

        return rows;
    }

    /// <summary>
    /// <paramref name="customers"/> are every live customer of the workspace as <c>GET /api/v1/customers/{id}</c> returns
    /// them: the list must hold exactly their rows with their values, and the cards must count them.
    /// </summary>
    public static async Task AssertListAndStatsAgreeAsync(HttpClient client, string connectionString, IReadOnlyCollection<JsonElement> customers)
    {
        var rows = await ListAllAsync(client);
        Assert.Equal(customers.Select(Id).Order(), rows.Keys.Order());
        foreach (var customer in customers)
        {
            AssertRowMatches(rows[Id(customer)], customer);
        }

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/stats");
        var cards = Cards(stats);
        Assert.Equal(
            new StatCards(
                customers.Count,
                customers.Count(c => Lifecycle(c) == "active"),
                customers.Count(c => Lifecycle(c) == "at_risk"),
                customers.Count(c => Intent(c) == "sales_opportunity")),
            cards);
        Assert.Equal(await CountOverRowsAsync(connectionString), cards);
    }

    public static void AssertRowMatches(JsonElement row, JsonElement customer)
    {
        var id = Id(customer);
        Assert.True(Lifecycle(customer) == row.GetProperty("lifecycle").GetString(), $"{id}: lifecycle {Lifecycle(customer)} in the grain, {row.GetProperty("lifecycle")} in the list");
        Assert.True(Intent(customer) == row.GetProperty("intent").GetString(), $"{id}: intent {Intent(customer)} in the grain, {row.GetProperty("intent")} in the list");
        foreach (var counter in new[] { "messages", "conversations", "orders" })
        {
            Assert.True(
                customer.GetProperty(counter).GetInt32() == row.GetProperty(counter).GetInt32(),
                $"{id}: {counter} {customer.GetProperty(counter)} in the grain, {row.GetProperty(counter)} in the list");
        }

        Assert.Equal(customer.GetProperty("lifetimeValue").GetDecimal(), row.GetProperty("lifetimeValue").GetDecimal());
        Assert.Equal(customer.GetProperty("csatAverage").ToString(), row.GetProperty("csatAverage").ToString());
        Assert.Equal(Strings(customer.GetProperty("tags")).Order(), Strings(row.GetProperty("tags")).Order());
    }

    /// <summary>The cards as a COUNT over the projection, straight from PostgreSQL.</summary>
    public static async Task<StatCards> CountOverRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE lifecycle = 'active'), count(*) FILTER (WHERE lifecycle = 'at_risk'),
                   count(*) FILTER (WHERE intent = 'sales_opportunity')
            FROM crm_customers WHERE workspace = @workspace
            """,
            connection);
        command.Parameters.AddWithValue("workspace", Workspace);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StatCards(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public static StatCards Cards(JsonElement stats) => new(
        stats.GetProperty("all").GetInt64(),
        stats.GetProperty("active").GetInt64(),
        stats.GetProperty("needsAttention").GetInt64(),
        stats.GetProperty("salesOpportunities").GetInt64());

    public static string Id(JsonElement customer) => customer.GetProperty("id").GetString()!;

    public static string Lifecycle(JsonElement customer) => customer.GetProperty("lifecycle").GetString()!;

    public static string Intent(JsonElement customer) => customer.GetProperty("intent").GetProperty("intent").GetString()!;

    public static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!);

    public sealed record StatCards(long All, long Active, long NeedsAttention, long SalesOpportunities);
}
