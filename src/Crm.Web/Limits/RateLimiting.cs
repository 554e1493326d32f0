using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Crm.Web.Access;
using Microsoft.AspNetCore.RateLimiting;

namespace Crm.Web.Limits;

/// <summary>
/// Per-key rate limiting: each authenticated key has its own token bucket sized by its role; requests without a valid key
/// share one bucket per remote address. Only the API, the hubs and the OpenAPI document are limited. A refused request gets
/// 429 with <c>Retry-After</c> and problem details.
/// </summary>
public static class RateLimiting
{
    /// <summary>What a key (or a key guesser) can call; health probes and static files stay outside any limit.</summary>
    private static readonly PathString[] LimitedPaths = ["/api", "/hubs", "/openapi"];

    public static IServiceCollection AddCrmRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        Validate(settings);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            limiter.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings)
    {
        if (!LimitedPaths.Any(limited => context.Request.Path.StartsWithSegments(limited)))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        if (context.User.FindFirstValue(CrmClaims.KeyIdClaim) is { } keyId)
        {
            var bucket = context.User.FindFirstValue(CrmClaims.Role) switch
            {
                "channel" => settings.Channel,
                "admin" => settings.Admin,
                _ => settings.Agent,
            };
            return RateLimitPartition.GetTokenBucketLimiter($"key:{keyId}", _ => bucket.ToOptions());
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter($"ip:{address}", _ => settings.Anonymous.ToOptions());
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client sent more requests than its rate limit allows; retry after {seconds} s.",
            },
        });
    }

    /// <summary>Refuses to start with a bucket that could never admit a request, naming the setting.</summary>
    private static void Validate(RateLimitSettings settings)
    {
        foreach (var (name, bucket) in new[] { ("Channel", settings.Channel), ("Admin", settings.Admin), ("Agent", settings.Agent), ("Anonymous", settings.Anonymous) })
        {
            if (bucket.TokenLimit < 1 || bucket.TokensPerPeriod < 1 || bucket.ReplenishmentPeriod <= TimeSpan.Zero)
            {
                throw new InvalidOperationException(
                    $"{RateLimitSettings.Section}:{name} needs TokenLimit and TokensPerPeriod of at least 1 and a positive ReplenishmentPeriod.");
            }
        }
    }
}
