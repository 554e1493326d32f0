namespace Crm.Silo.Runtime;

/// <summary>One firing of a grain timer, run as a turn of its grain.</summary>
internal sealed class TimerTick(GrainTimer timer) : TaskTurn
{
    public GrainTimer Timer { get; } = timer;

    public override string MethodName => "timer";

    public override bool AlwaysInterleave => Timer.Options.Interleave;

    public override bool KeepsAlive => Timer.Options.KeepAlive;

    protected override Task? StartWork() => Timer.IsDisposed ? null : Timer.Callback(Timer.Cancellation);
}
