namespace Crm.Web.Tests.Infrastructure;

/// <summary>
/// For tests that load the whole machine (a service process under several adapters, a hundred concurrent clients): they
/// run after the parallel ones, alone, so that no other test shares two cores with them and times out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
