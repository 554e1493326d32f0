using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Crm.Web.Health;

/// <summary>
/// Ready only while this node's silo is an active member of the cluster, as the membership snapshot sees it: a node still
/// joining, shutting down, or declared dead by the others must not take traffic, even if it still answers HTTP.
/// </summary>
internal sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var description = $"silo {local.SiloAddress} is {status} (membership version {snapshot.Version})";
        return Task.FromResult(status == SiloStatus.Active ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}
