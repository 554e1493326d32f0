using System.Text.Json.Serialization;

namespace Crm.Grains.Access;

/// <summary>An API key as stored: never the secret, only its SHA-256 digest.</summary>
public sealed record ApiKeyRecord
{
    public required string Id { get; init; }

    public required string Workspace { get; init; }

    public required KeyRole Role { get; init; }

    public required string Name { get; init; }

    public required string SecretHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    [JsonIgnore]
    public bool IsActive => RevokedAt is null;
}
