using Microsoft.Extensions.Logging;

namespace Crm.Grains.Nodes;

/// <summary>This node's receiver of broadcasts: hands each to every listener; one listener failing never keeps the others from it.</summary>
public sealed partial class NodeObserver(IEnumerable<INodeListener> listeners, ILogger<NodeObserver> logger) : INodeObserver
{
    private readonly INodeListener[] _listeners = listeners.ToArray();

    public Task KeyRevoked(string keyId, string secretHash) => Notify(listener => listener.KeyRevoked(keyId, secretHash), "key revoked");

    public Task WorkspaceSettingsChanged(string workspace) => Notify(listener => listener.WorkspaceSettingsChanged(workspace), "workspace settings changed");

    public Task SegmentRulesChanged(string workspace) => Notify(listener => listener.SegmentRulesChanged(workspace), "segment rules changed");

    public Task IntentModelChanged(string workspace) => Notify(listener => listener.IntentModelChanged(workspace), "intent model changed");

    public void Registered() => Notify(listener => listener.Registered(), "registered");

    private Task Notify(Action<INodeListener> notify, string broadcast)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                notify(listener);
            }
            catch (Exception exception)
            {
                ListenerFailed(exception, listener.GetType().Name, broadcast);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Error, "{Listener} failed to handle the broadcast '{Broadcast}'")]
    private partial void ListenerFailed(Exception exception, string listener, string broadcast);
}
