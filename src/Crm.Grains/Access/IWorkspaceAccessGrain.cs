using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Access;

/// <summary>A workspace's keys (keyed by workspace id): issue, list without secrets, revoke at once.</summary>
public interface IWorkspaceAccessGrain : IGrainWithStringKey
{
    /// <summary>Creates the workspace's first admin key, with the given secret or a new one; a no-op returning null once the workspace has keys.</summary>
    Task<IssuedKey?> Initialize(string? adminSecret);

    [ReadOnly]
    Task<bool> Exists();

    Task EnsureAdminKey(string secret);

    Task<IssuedKey> CreateKey(KeyRole role, string name);

    [ReadOnly]
    Task<IReadOnlyList<ApiKeyRecord>> ListKeys();

    /// <summary>Revokes a key of this workspace; false when there is no such key.</summary>
    Task<bool> RevokeKey(string keyId);
}
