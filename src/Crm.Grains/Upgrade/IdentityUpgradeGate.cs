using Orleans;

namespace Crm.Grains.Upgrade;

/// <summary>
/// This node's answer to "may writes that resolve identities from raw values go ahead?": not until the identity upgrade
/// is done. Once it has seen the pass done the node never asks again; until then it asks the pass at most once a second,
/// whatever the request rate, and answers "not yet" in between.
/// </summary>
public sealed class IdentityUpgradeGate(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan AskEvery = TimeSpan.FromSeconds(1);

    private volatile bool _open;
    private long _lastAsked = long.MinValue;

    public bool IsOpen => _open;

    public async ValueTask<bool> IsOpenAsync()
    {
        if (_open)
        {
            return true;
        }

        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastAsked);
        if ((last != long.MinValue && time.GetElapsedTime(last, now) < AskEvery) || Interlocked.CompareExchange(ref _lastAsked, now, last) != last)
        {
            return false;
        }

        try
        {
            Seen(await grains.GetGrain<IIdentityUpgradeGrain>(IdentityUpgradeGrain.Key).Status());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The pass's node is unreachable for now: writes stay closed and the next request asks again after a second.
        }

        return _open;
    }

    public void Seen(IdentityUpgradeStatus status)
    {
        if (status.Done)
        {
            _open = true;
        }
    }
}
