using System.Collections.Concurrent;
using Crm.Grains.Nodes;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>
/// A node observer the test registers in the directory by hand: it records what reaches it and, when told to, holds
/// every call until released, as a node that stopped answering would.
/// </summary>
public sealed class TestObserver(bool hold = false) : INodeObserver
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Received { get; } = new();

    public Task KeyRevoked(string keyId, string secretHash) => Receive($"key revoked {keyId}");

    public Task WorkspaceSettingsChanged(string workspace) => Receive($"settings {workspace}");

    public Task SegmentRulesChanged(string workspace) => Receive($"rules {workspace}");

    public Task IntentModelChanged(string workspace) => Receive($"intent model {workspace}");

    public void Release() => _released.TrySetResult();

    private Task Receive(string broadcast)
    {
        Received.Enqueue(broadcast);
        return hold ? _released.Task : Task.CompletedTask;
    }
}
