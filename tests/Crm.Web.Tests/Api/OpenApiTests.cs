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
        Assert.True(paths.GetProperty("/api/v1/customers/{id}/intent").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/intent/model").TryGetProperty("get", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        foreach (var operation in new[] { customers.GetProperty("get"), events.GetProperty("post") })
        {
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        }
    }

    [Fact]
    public async Task The_phone_email_and_region_rules_are_in_the_schemas_of_the_fields_that_take_them()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        var document = JsonDocument.Parse(await service.Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        string Description(string schema, string property) =>
            schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).GetProperty("description").GetString()!;

        Assert.Contains("phone number is not a valid number for US (+1)", Description("EventRequest", "identity"));
        Assert.Contains("'Ana@Exämple.com' and 'ana@xn--exmple-cua.com' are one identity", Description("EventRequest", "identity"));
        Assert.Contains("phone number has an invalid country code", Description("IdentityRequest", "value"));
        Assert.Contains("E.164 without the extension", Description("ProfilePatch", "phone"));
        Assert.Contains("is a placeholder a form fills in", Description("ProfilePatch", "email"));
        Assert.Contains("ISO 3166", Description("WorkspaceSettings", "defaultPhoneRegion"));
        Assert.Contains("1 → US, 44 → GB", Description("WorkspaceSettings", "defaultPhoneCountry"));
    }
}
