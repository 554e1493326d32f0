using System.Data.Common;
using Crm.Grains.Customers;
using Crm.Grains.Merge;
using Crm.Grains.Segments;
using Crm.Grains.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Storage;

namespace Crm.Web.Errors;

/// <summary>
/// Turns what grains refuse into RFC 9457 problem details: bad input → 400 naming the field and rule, unknown things → 404,
/// refused operations and a write that lost a race with another writer → 409, an overloaded grain, a timeout, an unreachable node or database → 503 with Retry-After, requests the framework refused (bad JSON, body too
/// large, wrong media type) → their status naming the field. Anything else stays a 500 for the default handler.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = ExceptionChain.Of(exception).Select(Classify).FirstOrDefault(problem => problem.Status != 0);
        if (status == 0 || context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Extensions = errors is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["errors"] = errors } },
        });
    }

    /// <summary>The answer for one exception of the chain; status 0 when it is not one the service answers specifically.</summary>
    private static (int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors) Classify(Exception exception) =>
        exception switch
        {
            DomainValidationException invalid => (StatusCodes.Status400BadRequest, "Invalid input", invalid.Error.ToString(), Problems.Errors(invalid.Error)),
            BadHttpRequestException bad => Refused(bad),
            CustomerNotFoundException missing => (StatusCodes.Status404NotFound, "Customer not found", missing.Message, null),
            NoteNotFoundException missing => (StatusCodes.Status404NotFound, "Note not found", missing.Message, null),
            SegmentNotFoundException missing => (StatusCodes.Status404NotFound, "Segment not found", missing.Message, null),
            MergeRefusedException refused => (StatusCodes.Status409Conflict, "Merge refused", refused.Message, null),
            LimitExceededException => (StatusCodes.Status503ServiceUnavailable, "Busy", "Too many requests are waiting for this customer; retry shortly.", null),
            TimeoutException => TimedOut,

            // Orleans cancels a call whose message expired while its grain was being placed (a node just left or joined).
            OperationCanceledException => TimedOut,
            SiloUnavailableException or OrleansMessageRejectionException => (StatusCodes.Status503ServiceUnavailable, "Node unavailable", "A node of the cluster could not be reached; retry the request (event ids make retries safe).", null),
            DbException { IsTransient: true } => (StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "The database could not be reached or is overloaded; retry the request (event ids make retries safe).", null),
            InconsistentStateException => (StatusCodes.Status409Conflict, "Concurrent change", "The record was changed by another writer at the same moment and nothing was stored; retry the request.", null),
            _ => (0, null, null, null),
        };

    private static readonly (int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors) TimedOut =
        (StatusCodes.Status503ServiceUnavailable, "Timed out", "The service did not finish the request in time; retry it (event ids make retries safe).", null);

    private static (int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors) Refused(BadHttpRequestException exception)
    {
        var (title, detail, errors) = BadRequestProblems.Describe(exception);
        return (exception.StatusCode, title, detail, errors);
    }
}
