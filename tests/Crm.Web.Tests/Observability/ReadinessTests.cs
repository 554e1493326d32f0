using System.Net;
using Crm.Testing;
using Crm.Web.Health;
using Crm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Web.Tests.Observability;

public sealed class ReadinessTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task A_running_node_is_ready_and_a_stopped_one_is_no_active_member()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var membership = ActivatorUtilities.CreateInstance<ClusterMembershipHealthCheck>(service.Services);

        using var ready = await service.Http.GetAsync("/readyz");
        var whileRunning = await membership.CheckHealthAsync(new HealthCheckContext());
        await service.StopAsync();
        var afterStop = await membership.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HealthStatus.Healthy, whileRunning.Status);
        Assert.Contains("Active", whileRunning.Description);
        Assert.Equal(HealthStatus.Unhealthy, afterStop.Status);
        Assert.DoesNotContain("Active", afterStop.Description);
    }
}
