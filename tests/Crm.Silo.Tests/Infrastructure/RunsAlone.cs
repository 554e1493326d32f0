namespace Crm.Silo.Tests.Infrastructure;

/// <summary>
/// For tests that load the whole machine (a child process with dozens of writers) or measure a delay: they run after
/// the parallel ones, alone, so that no timing-sensitive test shares two cores with a heavy one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
