namespace Crm.Grains.Identities;

public sealed class IdentityState
{
    public string? OwnerId { get; set; }

    public DateTimeOffset? LinkedAt { get; set; }
}
