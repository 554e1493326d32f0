namespace Crm.Grains.Identities;

/// <summary>The outcome of normalizing a raw channel identity: the canonical value, or why it was refused.</summary>
public readonly record struct NormalizedIdentity(string? Value, string? Error)
{
    public bool IsValid => Value is not null;

    public static NormalizedIdentity Valid(string value) => new(value, null);

    public static NormalizedIdentity Refused(string reason) => new(null, reason);
}
