using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class CustomerCsvExportTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const string Header = "id,name,email,phone,company,lifecycle,intent,tags,lastActive,firstSeen,conversations,messages,orders,ltv,csatAverage";

    [Fact]
    public async Task The_export_has_a_header_and_exactly_the_rows_the_list_gives_for_the_same_filter_across_many_pages()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var now = DateTimeOffset.UtcNow;
        for (var batch = 0; batch < 2; batch++)
        {
            var events = Enumerable.Range(batch * 550, 550).SelectMany(i => new object[]
            {
                new
                {
                    id = $"identify-{i}", type = "identify", channel = "email", identity = $"person{i}@example.com", occurredAt = now.AddSeconds(-i),
                    traits = new { profile = new { name = $"Person {i}", company = i % 3 == 0 ? "Acme Corp" : "Globex" } },
                },
            }.Concat(i % 4 == 0 ? [new { id = $"order-{i}", type = "order_placed", channel = "email", identity = $"person{i}@example.com", occurredAt = now, orderId = $"o-{i}", amount = 10m + i, currency = "EUR" }] : []));
            Assert.Equal(HttpStatusCode.OK, (await workspace.Admin.PostAsJsonAsync("/api/v1/events", new { events })).StatusCode);
        }

        var agent = await workspace.ClientAsync(service, "agent");
        var everyone = await agent.GetAsync("/api/v1/customers/export.csv");
        var everyoneRows = Rows(await everyone.Content.ReadAsStringAsync());
        const string filter = "q=acme&ordersMin=1&sort=-ltv";
        var filteredRows = Rows(await agent.GetStringAsync($"/api/v1/customers/export.csv?{filter}"));
        var listed = (await agent.ListCustomersAsync(filter)).Select(row => row.GetProperty("id").GetString()!).ToList();

        Assert.Equal(HttpStatusCode.OK, everyone.StatusCode);
        Assert.Equal("text/csv", everyone.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", everyone.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", everyone.Content.Headers.ContentDisposition?.FileNameStar ?? everyone.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Header, string.Join(',', everyoneRows[0]));
        Assert.Equal(1100, everyoneRows.Count - 1);
        Assert.Equal(1100, everyoneRows.Skip(1).Select(row => row[0]).Distinct().Count());
        Assert.Equal(listed, filteredRows.Skip(1).Select(row => row[0]));
        Assert.Equal(Enumerable.Range(0, 1100).Count(i => i % 3 == 0 && i % 4 == 0), listed.Count);
        Assert.All(filteredRows.Skip(1), row => Assert.Equal("Acme Corp", row[4]));
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_written_as_text()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var id = await workspace.CreateCustomerAsync(new { name = "=HYPERLINK(\"x\")", company = "+1 Widgets", email = "hyper@example.com" }, "-1");
        var plusTag = await workspace.Admin.PostAsJsonAsync($"/api/v1/customers/{id}/tags", new { tags = new[] { "+1" } });

        var csv = await workspace.Admin.GetStringAsync("/api/v1/customers/export.csv");
        var row = Rows(csv)[1];

        Assert.Equal(HttpStatusCode.BadRequest, plusTag.StatusCode);
        Assert.Equal(id, row[0]);
        Assert.Equal("'=HYPERLINK(\"x\")", row[1]);
        Assert.Equal("'+1 Widgets", row[4]);
        Assert.Equal("'-1", row[7]);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",+1 Widgets", csv);
    }

    [Fact]
    public async Task A_filter_that_matches_no_one_gives_the_header_alone()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        await workspace.CreateCustomerAsync(new { name = "Somebody" });

        var csv = await workspace.Admin.GetStringAsync("/api/v1/customers/export.csv?q=nobody-has-this-name");
        var all = await workspace.Admin.GetStringAsync("/api/v1/customers/export.csv");

        Assert.Equal(Header + "\r\n", csv);
        Assert.Equal(2, Rows(all).Count);
    }

    [Fact]
    public async Task Repeated_ids_export_those_customers_in_order_and_skip_unknown_ones()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);
        var first = await workspace.CreateCustomerAsync(new { name = "First", phone = "+5511987654321" }, "vip list", "wholesale");
        var second = await workspace.CreateCustomerAsync(new { name = "Second" });
        await workspace.CreateCustomerAsync(new { name = "Not asked for" });

        var rows = Rows(await workspace.Admin.GetStringAsync($"/api/v1/customers/export.csv?ids={second}&ids=0000000000000000000000000000dead&ids={first}&ids={second}"));

        Assert.Equal([second, first], rows.Skip(1).Select(row => row[0]));
        Assert.Equal("First", rows[2][1]);
        Assert.Equal("'+5511987654321", rows[2][3]);
        Assert.Equal("vip list;wholesale", rows[2][7]);
        Assert.Equal("lead", rows[2][5]);
        Assert.Equal("0", rows[2][12]);
    }

    [Theory]
    [InlineData("lifecycle=gold", "lifecycle")]
    [InlineData("ltvMin=-1", "ltvMin")]
    [InlineData("limit=10", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("ids=0000000000000000000000000000dead&lifecycle=vip", "ids")]
    [InlineData("ids=NOT-AN-ID", "ids")]
    public async Task Bad_parameters_get_400_naming_the_parameter_before_any_csv(string parameters, string field)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var workspace = await Workspace.CreateAsync(service);

        var response = await workspace.Admin.GetAsync($"/api/v1/customers/export.csv?{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    /// <summary>RFC 4180 records: fields split on commas outside quotes, quoted fields with doubled inner quotes, CRLF between records.</summary>
    private static List<string[]> Rows(string csv)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(fields.Count == 0 && field.Length == 0 && !quoted, "the CSV does not end with a complete record");
        return rows;
    }
}
