using Crm.Grains.Validation;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Access;

/// <summary>
/// Issues a key by registering its digest in the key directory before listing it here, so a listed key always works;
/// revoking marks both, directory first, so a revoked key stops working at once: the directory's revocation returns only
/// once every live node has dropped its copy of the key.
/// </summary>
[GrainType("workspaceaccess")]
// Read by almost every request of its workspace and one per workspace: kept in memory through quiet hours.
[CollectionAgeLimit(Hours = 24)]
public sealed class WorkspaceAccessGrain([PersistentState("access")] IPersistentState<WorkspaceAccessState> access, [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IWorkspaceAccessGrain
{
    public const int MaxKeys = 100;
    public const int MaxNameLength = 100;

    public async Task<IssuedKey?> Initialize(string? adminSecret)
    {
        if (access.State.Keys.Count > 0)
        {
            return null;
        }

        return await IssueAsync(KeyRole.Admin, "bootstrap admin", adminSecret ?? ApiKeySecrets.NewSecret());
    }

    public Task<bool> Exists() => Task.FromResult(access.State.Keys.Count > 0);

    /// <summary>Makes sure <paramref name="secret"/> is an active admin key of this workspace (the configured bootstrap key).</summary>
    public async Task EnsureAdminKey(string secret)
    {
        var hash = ApiKeySecrets.Hash(secret);
        if (!access.State.Keys.Exists(key => key.SecretHash == hash && key.IsActive && key.Role == KeyRole.Admin))
        {
            await IssueAsync(KeyRole.Admin, "bootstrap admin", secret);
        }
    }

    public Task<IssuedKey> CreateKey(KeyRole role, string name)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainValidationException(new ValidationError("role", "must be agent, channel or admin"));
        }

        if (string.IsNullOrWhiteSpace(name) || ProfileRules.Text(name, MaxNameLength, "name") is not null)
        {
            throw new DomainValidationException(new ValidationError("name", $"must be 1 to {MaxNameLength} printable characters"));
        }

        if (access.State.Keys.Count(key => key.IsActive) >= MaxKeys)
        {
            throw new DomainValidationException(new ValidationError("role", $"a workspace has at most {MaxKeys} active keys"));
        }

        return IssueAsync(role, name.Trim(), ApiKeySecrets.NewSecret());
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListKeys() => Task.FromResult<IReadOnlyList<ApiKeyRecord>>(access.State.Keys.ToArray());

    public async Task<bool> RevokeKey(string keyId)
    {
        var index = access.State.Keys.FindIndex(key => key.Id == keyId);
        if (index < 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var key = access.State.Keys[index];
        await GrainFactory.GetGrain<IApiKeyGrain>(key.SecretHash).Revoke(now);
        if (key.IsActive)
        {
            access.State.Keys[index] = key with { RevokedAt = now };
            await access.WriteStateAsync();
        }

        return true;
    }

    private async Task<IssuedKey> IssueAsync(KeyRole role, string name, string secret)
    {
        var record = new ApiKeyRecord
        {
            Id = ApiKeySecrets.NewKeyId(),
            Workspace = this.GetPrimaryKeyString(),
            Role = role,
            Name = name,
            SecretHash = ApiKeySecrets.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        await GrainFactory.GetGrain<IApiKeyGrain>(record.SecretHash).Register(record);
        access.State.Keys.Add(record);
        await access.WriteStateAsync();
        return new IssuedKey(record, secret);
    }
}
