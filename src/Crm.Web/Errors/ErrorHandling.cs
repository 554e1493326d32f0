using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Web.Errors;

/// <summary>Makes every error an RFC 9457 problem: binding failures named, framework status codes explained.</summary>
public static class ErrorHandling
{
    public static IServiceCollection AddCrmErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = Explain);
        services.AddExceptionHandler<DomainExceptionHandler>();

        // Binding failures become exceptions so that DomainExceptionHandler can name the member or parameter at fault.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

        // Added after the built-in writer, so it only writes what that one declines.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>());
        return services;
    }

    /// <summary>Statuses set by the framework (Kestrel, routing, authentication) carry no detail of their own.</summary>
    private static void Explain(ProblemDetailsContext context) =>
        context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
        {
            StatusCodes.Status401Unauthorized => "Send a valid API key as 'Authorization: Bearer <key>'.",
            StatusCodes.Status403Forbidden => "This key's role does not allow this request.",
            StatusCodes.Status404NotFound => "Nothing exists at this address.",
            StatusCodes.Status405MethodNotAllowed => $"This address does not accept {context.HttpContext.Request.Method}.",
            StatusCodes.Status413PayloadTooLarge => $"The request body is larger than {CrmApplication.MaxRequestBodyBytes} bytes.",
            StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
            _ => null,
        };
}
