using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Identities;

[GenerateSerializer]
[Alias("crm.ClaimOutcome")]
public enum ClaimOutcome
{
    Claimed,
    AlreadyYours,
    OwnedByOther,
}

/// <summary>What a customer learns when it claims an identity; <see cref="OwnerId"/> names the owner when it is another customer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.ClaimResult")]
public sealed record ClaimResult(ClaimOutcome Outcome, string? OwnerId = null);
