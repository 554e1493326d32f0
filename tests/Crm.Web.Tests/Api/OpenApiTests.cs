using System.Net;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Api;

public sealed class OpenApiTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task The_document_is_served_without_a_key_and_describes_the_api_and_its_bearer_key()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        var response = await service.Http.GetAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/customers", out var customers));
        Assert.True(paths.TryGetProperty("/api/v1/events", out var events));
        Assert.True(paths.TryGetProperty("/api/v1/customers/{id}/attributes", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        foreach (var operation in new[] { customers.GetProperty("get"), events.GetProperty("post") })
        {
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        }
    }
}
