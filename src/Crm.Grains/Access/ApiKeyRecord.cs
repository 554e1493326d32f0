using System.Text.Json.Serialization;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Access;

/// <summary>An API key as stored: never the secret, only its SHA-256 digest.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.ApiKeyRecord")]
public sealed record ApiKeyRecord
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Workspace { get; init; }

    [Id(2)]
    public required KeyRole Role { get; init; }

    [Id(3)]
    public required string Name { get; init; }

    [Id(4)]
    public required string SecretHash { get; init; }

    [Id(5)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(6)]
    public DateTimeOffset? RevokedAt { get; init; }

    [JsonIgnore]
    public bool IsActive => RevokedAt is null;
}
