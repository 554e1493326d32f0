using Crm.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Web.Health;

internal sealed class StorageHealthCheck(StorageOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var server = await StorageConnectivity.DescribeServerAsync(options, cancellationToken);
            return HealthCheckResult.Healthy(server);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{options.Provider} storage is unreachable", exception);
        }
    }
}
