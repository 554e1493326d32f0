using Crm.Grains.Upgrade;

namespace Crm.Web.Upgrade;

/// <summary>
/// Writes that resolve an identity from a raw value wait for the identity upgrade: until this node has seen it done they
/// answer 503 with <c>Retry-After</c>, so no event keys a customer under the new rules while stored identities still
/// follow the old ones. Reads, and writes that name a customer by id without a phone or email, go on.
/// </summary>
public static class IdentityUpgradeEndpoints
{
    public const int RetryAfterSeconds = 5;

    /// <summary>Closes the endpoint while the upgrade runs; <paramref name="resolvesIdentity"/> narrows it to the requests that resolve an identity.</summary>
    public static TBuilder WaitsForIdentityUpgrade<TBuilder>(this TBuilder builder, Func<EndpointFilterInvocationContext, bool>? resolvesIdentity = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if ((resolvesIdentity is null || resolvesIdentity(context))
                && !await context.HttpContext.RequestServices.GetRequiredService<IdentityUpgradeGate>().IsOpenAsync())
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Upgrading stored identities",
                    detail: "Stored identities are being brought to this release's rules; events and writes that resolve a phone number or email are accepted once that is done. Retry after the time given (event ids make retries safe); reads work meanwhile.");
            }

            return await next(context);
        });
}
