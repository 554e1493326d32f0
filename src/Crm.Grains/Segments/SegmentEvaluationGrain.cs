using Crm.Grains.Customers;
using Crm.Grains.ReadModel;
using Crm.Grains.Workspaces;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Segments;

[GrainType("segmentevaluation")]
// Its pass keeps it alive while it runs (a keep-alive timer); once done it is rarely asked again.
[CollectionAgeLimit(Minutes = 2)]
public sealed class SegmentEvaluationGrain(
    [PersistentState("segment-evaluation")] IPersistentState<SegmentEvaluationState> evaluation,
    ISweepQueries queries) : Grain, ISegmentEvaluationGrain
{
    private const int PageSize = 256;
    private const int Parallelism = 32;

    /// <summary>A page per tick, so calls to this grain wait for one page at most, never for the whole workspace.</summary>
    private static readonly GrainTimerCreationOptions EveryPage = new() { DueTime = TimeSpan.Zero, Period = TimeSpan.FromMilliseconds(10), KeepAlive = true };

    private IDisposable? _timer;

    private SegmentEvaluationState State => evaluation.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleIfBehind();
        return Task.CompletedTask;
    }

    public async Task Evaluate(long catalogVersion)
    {
        if (catalogVersion > State.TargetVersion)
        {
            State.TargetVersion = catalogVersion;
            State.After = null;
            await SaveAsync();
        }

        ScheduleIfBehind();
    }

    public Task<SegmentEvaluationStatus> Status() =>
        Task.FromResult(new SegmentEvaluationStatus(State.EvaluatedVersion, State.TargetVersion, _timer is not null));

    private void ScheduleIfBehind()
    {
        if (State.TargetVersion > State.EvaluatedVersion)
        {
            _timer ??= this.RegisterGrainTimer(EvaluatePageAsync, EveryPage);
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
