using Orleans;

namespace Crm.Grains.Nodes;

/// <summary>
/// One node's receiver of cluster-wide broadcasts: an object on the node's silo, addressed through
/// <see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>. Each call returns once the node has acted on it.
/// </summary>
public interface INodeObserver : IGrainObserver
{
    Task KeyRevoked(string keyId, string secretHash);

    Task WorkspaceSettingsChanged(string workspace);

    Task SegmentRulesChanged(string workspace);

    Task IntentModelChanged(string workspace);
}
