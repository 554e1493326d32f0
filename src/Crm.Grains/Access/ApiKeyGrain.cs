using Crm.Grains.Nodes;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Access;

[GrainType("apikey")]
public sealed class ApiKeyGrain([PersistentState("key")] IPersistentState<ApiKeyState> key, NodeBroadcaster nodes) : Grain, IApiKeyGrain
{
    public Task<ApiKeyRecord?> Describe() => Task.FromResult(key.State.Key);

    public async Task Register(ApiKeyRecord record)
    {
        if (key.State.Key is { } existing && existing.Id != record.Id)
        {
            throw new InvalidOperationException("a different key already has this secret");
        }

        key.State.Key = record;
        await key.WriteStateAsync();
    }

    /// <summary>
    /// Broadcast even when the key was revoked already, so revoking again reaches a node an earlier broadcast missed.
    /// </summary>
    public async Task Revoke(DateTimeOffset at)
    {
        if (key.State.Key is { RevokedAt: null } active)
        {
            key.State.Key = active with { RevokedAt = at };
            await key.WriteStateAsync();
        }

        if (key.State.Key is { } revoked)
        {
            await nodes.KeyRevokedAsync(revoked.Id, revoked.SecretHash);
        }
    }
}
