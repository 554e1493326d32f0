using System.Threading.RateLimiting;

namespace Crm.Web.Limits;

/// <summary>
/// The <c>RateLimiting</c> configuration section: one token bucket per API key, sized by the key's role, and one per
/// remote address for requests without a valid key.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Channel adapters post many batches of up to 1,000 events each: their buckets are the largest.</summary>
    public TokenBucketSettings Channel { get; set; } = new() { TokenLimit = 2000, TokensPerPeriod = 1000 };

    /// <summary>
    /// Admin keys run integrations and imports and may ingest too. An admin can mint channel keys at will, so a smaller
    /// bucket would protect nothing: they get the channel keys' size.
    /// </summary>
    public TokenBucketSettings Admin { get; set; } = new() { TokenLimit = 2000, TokensPerPeriod = 1000 };

    /// <summary>An agent's dashboard makes a few requests per click.</summary>
    public TokenBucketSettings Agent { get; set; } = new() { TokenLimit = 300, TokensPerPeriod = 100 };

    /// <summary>Requests without a valid key (the OpenAPI document, and key guessing), per remote address.</summary>
    public TokenBucketSettings Anonymous { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100 };
}

/// <summary>A bucket holds at most <see cref="TokenLimit"/> requests and refills <see cref="TokensPerPeriod"/> of them every <see cref="ReplenishmentPeriod"/>.</summary>
public sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public TokenBucketRateLimiterOptions ToOptions() => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
