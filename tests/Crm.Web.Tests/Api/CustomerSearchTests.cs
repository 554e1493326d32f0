using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Crm.Web.Tests.Api;

/// <summary>
/// Substring search of the customer list on both stores: SQLite's FTS5 trigram index (and its LIKE scan for one or two
/// characters) must find exactly what PostgreSQL's trigram-indexed LIKE finds — case folded, accents kept — and stay
/// in step with renames and erasures; a store written before the index existed gets it at its next start.
/// </summary>
public sealed class CustomerSearchTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-search-");

    private static readonly (string Email, string Name, string Company, string Phone)[] People =
    [
        ("jose@example.com", "José Álvarez", "Acme Corp", "+351 912 345 678"),
        ("jose.plain@example.com", "Jose Alvarez", "Globex", "+44 7911 123456"),
        ("ana@example.com", "ANA LIMA", "100% Cotton Co", "+55 11 91234 5678"),
        ("ana.souza@example.com", "Ana Lima-Souza", "under_score Ltd", "+44 7911 123789"),
        ("zoe@example.org", "Zoë O'Brien", "Müller GmbH", "+49 30 12345678"),
        ("chloe@example.org", "Chloé \"Clo\" Dupont", "Initech", "+33 6 12 34 56 78"),
        ("bo@example.net", "Bo", "Q", "+1 415 555 0100"),
    ];

    private static readonly string[] Queries =
    [
        "josé", "JOSÉ", "jose", "Álv", "alv", "ana", "ANA LIMA", "lima-s", "o'b", "\"clo\"", "100%", "under_", "müll", "MÜLLER", "gmbh",
        "+44", "7911", "123", "example.org", "@example", "zoë", "zoe", "vip", "nobody here",
        "an", "a", "é", "ë", "%", "_", "bo", "q", "'", "-",
    ];

    [Fact]
    public async Task Search_on_sqlite_finds_exactly_what_search_on_postgres_finds_through_renames_and_erasures()
    {
        await using var onPostgres = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        await using var onSqlite = await StartSqliteAsync();
        var pg = onPostgres.Admin();
        var lite = onSqlite.Admin();
        await SeedAsync(pg);
        await SeedAsync(lite);

        await AssertSameResultsAsync(pg, lite);
        Assert.Equal(["jose@example.com"], await SearchAsync(lite, "JOSÉ"));
        Assert.Equal(["jose.plain@example.com", "jose@example.com"], await SearchAsync(lite, "jose"));
        Assert.Equal(["jose@example.com"], await SearchAsync(lite, "josé"));
        Assert.Equal(["ana.souza@example.com"], await SearchAsync(lite, "under_"));
        Assert.Equal(["chloe@example.org", "jose@example.com"], await SearchAsync(lite, "é"));
        Assert.Equal(People.Select(person => person.Email).Order(StringComparer.Ordinal), await SearchAsync(lite, "a"));

        foreach (var client in new[] { pg, lite })
        {
            var zoe = await IdOfAsync(client, "zoe@example.org");
            Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/customers/{zoe}", new { name = "Zoe Quinn", company = "Hooli" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/customers/{await IdOfAsync(client, "ana@example.com")}")).StatusCode);
        }

        await AssertSameResultsAsync(pg, lite);
        Assert.Empty(await SearchAsync(lite, "müll"));
        Assert.Equal(["zoe@example.org"], await SearchAsync(lite, "hooli"));
        Assert.Equal(["ana.souza@example.com"], await SearchAsync(lite, "ana lima"));
    }

    [Fact]
    public async Task A_sqlite_store_written_before_the_search_index_gets_it_at_its_next_start_and_only_once()
    {
        await using (var first = await StartSqliteAsync())
        {
            await SeedAsync(first.Admin());
        }

        await ExecuteAsync(
            "DROP TRIGGER crm_customers_search_insert; DROP TRIGGER crm_customers_search_update; DROP TRIGGER crm_customers_search_delete; "
            + "DROP TABLE crm_customer_search; DROP TABLE crm_customer_search_keys;");

        await using (var upgraded = await StartSqliteAsync())
        {
            var admin = upgraded.Admin();
            Assert.Equal(["zoe@example.org"], await SearchAsync(admin, "müll"));
            Assert.Equal(["ana.souza@example.com", "ana@example.com"], await SearchAsync(admin, "lima"));
            await admin.PostMessagesAsync(["late@example.com"]);
            Assert.Equal(["late@example.com"], await SearchAsync(admin, "late@"));
        }

        await using (var again = await StartSqliteAsync())
        {
            Assert.Equal(["ana.souza@example.com", "ana@example.com"], await SearchAsync(again.Admin(), "lima"));
        }

        Assert.Equal(People.Length + 1, await CountAsync("SELECT count(*) FROM crm_customers"));
        Assert.Equal(People.Length + 1, await CountAsync("SELECT count(*) FROM crm_customer_search_keys"));
        Assert.Equal(People.Length + 1, await CountAsync("SELECT count(*) FROM crm_customer_search"));
    }

    private string DatabasePath => Path.Combine(_folder.FullName, "crm.db");

    private Task<RunningService> StartSqliteAsync() =>
        RunningService.StartAsync("--Storage:Provider=Sqlite", $"--ConnectionStrings:Crm=Data Source={DatabasePath}", $"--CRM_BOOTSTRAP_KEY={RunningService.AdminKey}");

    private static async Task SeedAsync(HttpClient admin)
    {
        var now = DateTimeOffset.UtcNow;
        var events = People.Select((person, i) => new
        {
            id = $"identify-{i}", type = "identify", channel = "email", identity = person.Email, occurredAt = now,
            traits = new { profile = new { name = person.Name, company = person.Company, phone = person.Phone } },
        });
        var response = await admin.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray(), result => Assert.Equal("accepted", result.GetProperty("status").GetString()));
        foreach (var email in new[] { "jose@example.com", "bo@example.net" })
        {
            var tagged = await admin.PostAsJsonAsync($"/api/v1/customers/{await IdOfAsync(admin, email)}/tags", new { tags = new[] { "vip" } });
            Assert.True(tagged.IsSuccessStatusCode);
        }
    }

    private static async Task AssertSameResultsAsync(HttpClient postgres, HttpClient sqlite)
    {
        foreach (var query in Queries)
        {
            var onPostgres = await SearchAsync(postgres, query);
            var onSqlite = await SearchAsync(sqlite, query);
            Assert.True(onPostgres.SequenceEqual(onSqlite), $"'{query}': PostgreSQL found [{string.Join(", ", onPostgres)}], SQLite [{string.Join(", ", onSqlite)}]");
        }
    }

    private static async Task<string[]> SearchAsync(HttpClient client, string query) =>
        (await client.ListCustomersAsync($"q={Uri.EscapeDataString(query)}&sort=name")).Select(row => row.GetProperty("email").GetString()!).Order(StringComparer.Ordinal).ToArray();

    private static async Task<string> IdOfAsync(HttpClient client, string email) =>
        Assert.Single(await client.ListCustomersAsync($"q={Uri.EscapeDataString(email)}")).GetProperty("id").GetString()!;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
