namespace Crm.Grains.Identities;

public enum ClaimOutcome
{
    Claimed,
    AlreadyYours,
    OwnedByOther,
}

/// <summary>What a customer learns when it claims an identity; <see cref="OwnerId"/> names the owner when it is another customer.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, string? OwnerId = null);
