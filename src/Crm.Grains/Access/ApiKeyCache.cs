using Crm.Grains.Nodes;
using Orleans;

namespace Crm.Grains.Access;

/// <summary>
/// This node's copy of the keys presented to it, by secret digest, so authenticating a request rarely calls the key
/// directory. A revocation broadcast evicts the key on every node before the revoking call returns. Only keys that exist
/// are kept: an unknown digest is asked again each time, so guessed secrets take no memory and a key issued on another
/// node works here at once.
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, NodeOptions options, TimeProvider time) : INodeListener
{
    private readonly NodeCache<ApiKeyRecord?> _keys = new(hash => grains.GetGrain<IApiKeyGrain>(hash).Describe(), options.CacheMaxAge, time, keep: key => key is not null);

    /// <summary>The key whose secret has this SHA-256 digest, or null when there is none.</summary>
    public Task<ApiKeyRecord?> DescribeAsync(string secretHash) => _keys.GetAsync(secretHash);

    void INodeListener.KeyRevoked(string keyId, string secretHash) => _keys.Evict(secretHash);

    void INodeListener.Registered() => _keys.Clear();
}
