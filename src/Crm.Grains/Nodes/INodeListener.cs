namespace Crm.Grains.Nodes;

/// <summary>
/// A part of this node that acts on cluster-wide broadcasts (a cache, the web layer's open dashboards). Listeners run
/// before the broadcast is acknowledged, so they must be quick and must not call grains.
/// </summary>
public interface INodeListener
{
    void KeyRevoked(string keyId, string secretHash)
    {
    }

    void WorkspaceSettingsChanged(string workspace)
    {
    }

    void SegmentRulesChanged(string workspace)
    {
    }

    /// <summary>The workspace's text model has a new version.</summary>
    void IntentModelChanged(string workspace)
    {
    }

    /// <summary>The node (re)joined the directory: it may have missed broadcasts, so whatever it cached is dropped.</summary>
    void Registered()
    {
    }
}
