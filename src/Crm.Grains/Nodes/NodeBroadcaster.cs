using Microsoft.Extensions.Logging;
using Orleans;

namespace Crm.Grains.Nodes;

/// <summary>
/// Tells every live node of a change, after the change is durable and before the writer's call returns, so a change
/// that was acknowledged is already seen by every node. A node that does not answer within
/// <see cref="NodeOptions.BroadcastTimeout"/>, or fails, is logged and not waited for: its copy ages out
/// (<see cref="NodeOptions.CacheMaxAge"/>), and it drops every copy when it renews after a lapse.
/// </summary>
public sealed partial class NodeBroadcaster(IGrainFactory grains, NodeOptions options, ILogger<NodeBroadcaster> logger)
{
    public Task KeyRevokedAsync(string keyId, string secretHash) =>
        BroadcastAsync("key revoked", node => node.KeyRevoked(keyId, secretHash));

    public Task WorkspaceSettingsChangedAsync(string workspace) =>
        BroadcastAsync("workspace settings changed", node => node.WorkspaceSettingsChanged(workspace));

    public Task SegmentRulesChangedAsync(string workspace) =>
        BroadcastAsync("segment rules changed", node => node.SegmentRulesChanged(workspace));

    public Task IntentModelChangedAsync(string workspace) =>
        BroadcastAsync("intent model changed", node => node.IntentModelChanged(workspace));

    private async Task BroadcastAsync(string broadcast, Func<INodeObserver, Task> send)
    {
        IReadOnlyList<LiveNode> nodes;
        try
        {
            nodes = await grains.GetGrain<INodeDirectoryGrain>(NodeDirectoryGrain.Key).LiveNodes().WaitAsync(options.BroadcastTimeout);
        }
        catch (Exception exception)
        {
            DirectoryUnavailable(exception, broadcast);
            return;
        }

        await Task.WhenAll(nodes.Select(node => DeliverAsync(node, broadcast, send)));
    }

    private async Task DeliverAsync(LiveNode node, string broadcast, Func<INodeObserver, Task> send)
    {
        try
        {
            await send(node.Observer).WaitAsync(options.BroadcastTimeout);
        }
        catch (Exception exception)
        {
            NotDelivered(exception, broadcast, node.NodeId);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "The broadcast '{Broadcast}' reached no node: the node directory did not answer; nodes' copies age out")]
    private partial void DirectoryUnavailable(Exception exception, string broadcast);

    [LoggerMessage(2, LogLevel.Warning, "The broadcast '{Broadcast}' did not reach node {NodeId}; its copy ages out")]
    private partial void NotDelivered(Exception exception, string broadcast, string nodeId);
}
