using Orleans;

namespace Crm.Grains.Identities;

[GenerateSerializer]
[Alias("crm.IdentityState")]
public sealed class IdentityState
{
    [Id(0)]
    public string? OwnerId { get; set; }

    [Id(1)]
    public DateTimeOffset? LinkedAt { get; set; }
}
