namespace Crm.Silo.Runtime;

/// <summary>Activation or deactivation of a grain, run as an exclusive turn so its awaits resume on the activation.</summary>
internal sealed class LifecycleTurn(string name, Func<Task> work) : TaskTurn
{
    public override string MethodName => name;

    public override bool AlwaysInterleave => false;

    protected override Task StartWork() => work();
}
