using System.Diagnostics.Metrics;
using Orleans;
using Orleans.Runtime;

namespace Crm.Silo.Diagnostics;

/// <summary>
/// Cluster membership as this node sees it, on the <c>Crm.Silo</c> meter: Orleans publishes no instrument for it. Read
/// from the membership snapshot when collected, so they cost nothing between scrapes.
/// </summary>
internal sealed class ClusterMetrics(IClusterMembershipService membership, ILocalSiloDetails local, IMeterFactory meters)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly SiloStatus[] Reported = [SiloStatus.Joining, SiloStatus.Active, SiloStatus.ShuttingDown, SiloStatus.Stopping, SiloStatus.Dead];

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterMetrics), ServiceLifecycleStage.RuntimeInitialize, _ =>
        {
            CreateInstruments(meters.Create(StorageMetrics.MeterName));
            return Task.CompletedTask;
        });

    private void CreateInstruments(Meter meter)
    {
        meter.CreateObservableGauge("crm.silo.cluster.silos", ObserveSilos, "{silo}",
            "Silos in the membership table by status; dead ones stay listed until Orleans removes defunct entries");
        meter.CreateObservableGauge("crm.silo.cluster.membership.version", () => membership.CurrentSnapshot.Version.Value, "{version}",
            "Membership version: grows with every join, leave, death and suspicion written to the table");
        meter.CreateObservableGauge("crm.silo.cluster.local.active", () => membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress) == SiloStatus.Active ? 1 : 0, "{silo}",
            "1 while this node is an active member (what /readyz checks besides storage), 0 otherwise");
    }

    private IEnumerable<Measurement<int>> ObserveSilos()
    {
        var members = membership.CurrentSnapshot.Members.Values;
        return Reported.Select(status => new Measurement<int>(
            members.Count(member => member.Status == status),
            new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant())));
    }
}
