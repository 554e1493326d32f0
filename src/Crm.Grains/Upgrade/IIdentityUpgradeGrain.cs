using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Upgrade;

/// <summary>
/// The one pass, for the whole cluster (key <see cref="IdentityUpgradeGrain.Key"/>), that brings every stored customer's
/// identities and profile phone and email to the current identity rules. Ingest stays closed until it is done.
/// </summary>
public interface IIdentityUpgradeGrain : IGrainWithStringKey
{
    /// <summary>Starts the pass if the stored data is behind the current rules (or goes on with it); a no-op once done.</summary>
    Task<IdentityUpgradeStatus> Start();

    /// <summary>Answers between pages, so nodes asking whether ingest may open never wait for a page.</summary>
    [AlwaysInterleave]
    Task<IdentityUpgradeStatus> Status();

    /// <summary>Answers once the pass is done, or after <paramref name="atMost"/> with where it stands (keep it below the response timeout).</summary>
    [AlwaysInterleave]
    Task<IdentityUpgradeStatus> WaitUntilDone(TimeSpan atMost);
}
