using System.Collections.Concurrent;
using Crm.Grains.Nodes;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>What one silo's listeners heard, as the service's dashboard connections hear revocations.</summary>
public sealed class RecordingNodeListener : INodeListener
{
    public ConcurrentQueue<string> RevokedKeys { get; } = new();

    public void KeyRevoked(string keyId, string secretHash) => RevokedKeys.Enqueue(keyId);
}
