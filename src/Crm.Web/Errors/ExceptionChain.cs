namespace Crm.Web.Errors;

/// <summary>
/// Orleans wraps some failures on their way to the caller (a storage error inside the persistent-state bridge, an
/// activation that failed to load): the cause that means something to a client may be found inside the wrapper.
/// </summary>
public static class ExceptionChain
{
    /// <summary>The exception, then each inner exception in turn (a single-exception aggregate counts as its inner one).</summary>
    public static IEnumerable<Exception> Of(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = Next(current))
        {
            yield return current;
        }
    }

    private static Exception? Next(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException;
}
