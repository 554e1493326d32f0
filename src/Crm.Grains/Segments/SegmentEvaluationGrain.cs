using Crm.Grains.Customers;
using Crm.Grains.ReadModel;
using Crm.Grains.Workspaces;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Segments;

/// <summary>
/// A pass holds an Orleans reminder while it runs: if the node running it is lost, the reminder wakes the grain on another
/// node, which goes on from the last page stored.
/// </summary>
[GrainType("segmentevaluation")]
// Its pass keeps it alive while it runs (a keep-alive timer); once done it is rarely asked again.
[CollectionAgeLimit(Minutes = 2)]
public sealed class SegmentEvaluationGrain(
    [PersistentState("segment-evaluation")] IPersistentState<SegmentEvaluationState> evaluation,
    ISweepQueries queries) : Grain, ISegmentEvaluationGrain, IRemindable
{
    public const string ReminderName = "resume";

    /// <summary>Orleans' shortest reminder period: how long a pass cut off by a lost node waits before it goes on.</summary>
    private static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(1);

    private const int PageSize = 256;
    private const int Parallelism = 32;

    /// <summary>A page per tick, so calls to this grain wait for one page at most, never for the whole workspace.</summary>
    private static readonly GrainTimerCreationOptions EveryPage = new() { DueTime = TimeSpan.Zero, Period = TimeSpan.FromMilliseconds(10), KeepAlive = true };

    private IDisposable? _timer;

    private SegmentEvaluationState State => evaluation.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ScheduleIfBehindAsync();

    public async Task Evaluate(long catalogVersion)
    {
        if (catalogVersion > State.TargetVersion)
        {
            State.TargetVersion = catalogVersion;
            State.After = null;
            await SaveAsync();
        }

        await ScheduleIfBehindAsync();
    }

    /// <summary>Activation already resumed any pass behind; a reminder left from a finished one is dropped.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName && State.TargetVersion <= State.EvaluatedVersion && await this.GetReminder(ReminderName) is { } done)
        {
            await this.UnregisterReminder(done);
        }
    }

    public Task<SegmentEvaluationStatus> Status() =>
        Task.FromResult(new SegmentEvaluationStatus(State.EvaluatedVersion, State.TargetVersion, _timer is not null));

    private async Task ScheduleIfBehindAsync()
    {
        if (State.TargetVersion > State.EvaluatedVersion && _timer is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ResumeAfter, ResumeAfter);
            _timer = this.RegisterGrainTimer(EvaluatePageAsync, EveryPage);
        }
    }

    /// <summary>
    /// A failed page is retried on the next tick from the last page that completed; customers of a page evaluated twice
    /// change nothing the second time.
    /// </summary>
    private async Task EvaluatePageAsync(CancellationToken cancellationToken)
    {
        var workspace = this.GetPrimaryKeyString();
        var page = await queries.CustomerIdsAsync(workspace, State.After, PageSize, cancellationToken);
        foreach (var chunk in page.Chunk(Parallelism))
        {
            await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(workspace, id)).ReevaluateSegments()));
        }

        if (page.Count == PageSize)
        {
            State.After = page[^1];
        }
        else
        {
            State.EvaluatedVersion = State.TargetVersion;
            State.After = null;
            _timer?.Dispose();
            _timer = null;
        }

        await SaveAsync();
        if (_timer is null && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>If storage refuses, the activation is dropped: the next one goes on from what is stored, never from progress that did not land.</summary>
    private async Task SaveAsync()
    {
        try
        {
            await evaluation.WriteStateAsync();
        }
        catch
        {
            _timer?.Dispose();
            _timer = null;
            DeactivateOnIdle();
            throw;
        }
    }
}
