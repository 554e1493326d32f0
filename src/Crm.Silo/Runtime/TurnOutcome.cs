namespace Crm.Silo.Runtime;

internal static class TurnOutcome
{
    /// <summary>The exception a finished task ended with; a cancelled task counts as failed.</summary>
    public static Exception? FailureOf(Task? task) => task switch
    {
        { IsFaulted: true } => task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException : task.Exception,
        { IsCanceled: true } => new TaskCanceledException(task),
        _ => null,
    };
}
