using System.Net;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Health;

public sealed class HealthEndpointTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Service_on_postgres_answers_liveness_and_readiness()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        using var live = await service.Http.GetAsync("/healthz");
        using var ready = await service.Http.GetAsync("/readyz");

        Assert.Equal("127.0.0.1", service.Address.Host);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Service_on_embedded_sqlite_answers_readiness_and_creates_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crm-web-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "crm.db");
        try
        {
            await using (var service = await RunningService.StartAsync("--Storage:Provider=Sqlite", $"--ConnectionStrings:Crm=Data Source={file}"))
            {
                using var ready = await service.Http.GetAsync("/readyz");
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            Assert.True(File.Exists(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Unreachable_postgres_stops_start_up_with_the_cause()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningService.StartOnPostgresAsync(unreachable));

        Assert.Contains("127.0.0.1", error.ToString());
    }
}
