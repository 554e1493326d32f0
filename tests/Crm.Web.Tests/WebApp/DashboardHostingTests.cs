using System.Net;
using System.Text.RegularExpressions;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.WebApp;

public sealed partial class DashboardHostingTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/customers/0123456789abcdef0123456789abcdef")]
    [InlineData("/customers/new?q=acme&lifecycle=vip")]
    public async Task Page_addresses_serve_the_dashboard_without_a_key(string path)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        var response = await service.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api")]
    [InlineData("/hubs/no-such-hub")]
    [InlineData("/openapi/no-such-document")]
    [InlineData("/healthz/deeper")]
    [InlineData("/readyz/deeper")]
    [InlineData("/assets/no-such-file.js")]
    public async Task Unknown_service_paths_and_missing_files_are_404_problems_not_the_dashboard(string path)
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        var response = await service.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Service_endpoints_keep_their_own_answers_beside_the_dashboard()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        Assert.Equal("Healthy", await service.Http.GetStringAsync("/healthz"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Http.GetAsync("/api/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await service.ClientWith(RunningService.AdminKey).DeleteAsync("/api/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await service.Http.PostAsync("/customers/new", null)).StatusCode);
    }

    [Fact]
    public async Task Bundled_assets_are_served_with_a_long_cache_lifetime()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var index = await service.Http.GetStringAsync("/");
        var script = ScriptSource().Match(index);
        Assert.True(script.Success, "index.html names its script");

        var response = await service.Http.GetAsync(script.Groups["path"].Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"(?<path>/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptSource();
}
