using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Access;

/// <summary>The key directory entry for one secret, keyed by the secret's SHA-256 digest: what every request's authentication asks.</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<ApiKeyRecord?> Describe();

    Task Register(ApiKeyRecord key);

    /// <summary>Marks the key revoked and returns once every live node has dropped its copy and closed what the key opened.</summary>
    Task Revoke(DateTimeOffset at);
}
