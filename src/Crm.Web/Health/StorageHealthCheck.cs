using Crm.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Crm.Web.Health;

internal sealed class StorageHealthCheck(IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var server = await StorageConnectivity.DescribeServerAsync(options.Value, cancellationToken);
            return HealthCheckResult.Healthy(server);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{options.Value.Provider} storage is unreachable", exception);
        }
    }
}
