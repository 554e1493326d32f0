using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Access;

/// <summary>The key directory entry for one secret, keyed by the secret's SHA-256 digest: what every request's authentication asks.</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<ApiKeyRecord?> Describe();

    Task Register(ApiKeyRecord key);

    Task Revoke(DateTimeOffset at);
}
