using Crm.Grains.Customers;
using Crm.Grains.Merge;
using Crm.Grains.Segments;
using Crm.Grains.Validation;
using Orleans.Runtime;
using Orleans.Storage;

namespace Crm.Web.Errors;

/// <summary>
/// Orleans wraps some failures on their way to the caller (a storage error inside the persistent-state bridge, an
/// activation that failed to load): the cause that means something to a client is found inside the wrapper.
/// </summary>
public static class GrainFailures
{
    /// <summary>The first exception in the chain the service answers with a specific status, or <paramref name="exception"/> itself.</summary>
    public static Exception Unwrap(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = Next(current))
        {
            if (IsKnown(current))
            {
                return current;
            }
        }

        return exception;
    }

    private static Exception? Next(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException;

    private static bool IsKnown(Exception exception) => exception is DomainValidationException
        or CustomerNotFoundException
        or NoteNotFoundException
        or SegmentNotFoundException
        or MergeRefusedException
        or InconsistentStateException
        or LimitExceededException
        or TimeoutException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or System.Data.Common.DbException { IsTransient: true };
}
