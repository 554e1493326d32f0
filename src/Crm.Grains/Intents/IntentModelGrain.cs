using Crm.Grains.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Intents;

/// <summary>
/// Retrains a workspace's text model from the shipped examples plus the workspace's own (at most
/// <see cref="IntentExampleWriter.MaxExamplesPerWorkspace"/>), a quiet <see cref="IntentModelOptions.RetrainDelay"/> after
/// the last correction. Training runs off the grain's turn on the thread pool and its reads interleave, so the version
/// in use keeps serving until the next is stored; then the version number moves on and every node is told. A reminder
/// is held while corrections wait, so a retraining cut short by a lost node runs on another.
/// </summary>
[GrainType("intentmodel")]
public sealed partial class IntentModelGrain(
    [PersistentState("intent-model")] IPersistentState<IntentModelState> model,
    IWorkspaceIntentData data,
    IntentDataset dataset,
    ShippedIntentFigures shipped,
    IntentModelOptions options,
    NodeBroadcaster broadcaster,
    ILogger<IntentModelGrain> logger,
    [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IIntentModelGrain, IRemindable
{
    public const string ReminderName = "retrain";

    /// <summary>Orleans' shortest reminder period: how long a retraining cut off by a lost node or a failure waits before it is tried again.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private IDisposable? _timer;

    /// <summary>A new version is stored and nodes are being told: until they are, it is not reported as settled.</summary>
    private bool _publishing;

    /// <summary>
    /// The version nodes are given: moved only once the state naming it is stored, so a failed write, after which the next
    /// retraining stores other weights under that number, never hands it out.
    /// </summary>
    private int _served;

    private IntentModelState State => model.State;

    private string Workspace => this.GetPrimaryKeyString();

    /// <summary>The version number stored with a trained model's bytes, checked when they are read back.</summary>
    public static string FileVersion(int version) => $"v{version}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _served = State.Version;
        if (State.PendingSince is not null)
        {
            Schedule();
        }

        return Task.CompletedTask;
    }

    public Task<int> CurrentVersion() => Task.FromResult(_served);

    public Task<IntentModelStatus> Describe() => Task.FromResult(new IntentModelStatus(
        State.Version,
        State.TrainedAt,
        State.ExamplesLearnt,
        State.PendingSince is not null || _publishing,
        shipped.Figures,
        State.Figures ?? shipped.Figures));

    public async Task CorrectionsArrived()
    {
        var wasPending = State.PendingSince is not null;
        State.PendingSince ??= clock.GetUtcNow();
        await model.WriteStateAsync();
        if (!wasPending)
        {
            await this.RegisterOrUpdateReminder(ReminderName, RetryAfter, RetryAfter);
        }

        Schedule();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        if (State.PendingSince is null)
        {
            await DropReminderAsync();
        }
        else if (_timer is null)
        {
            Schedule();
        }
    }

    /// <summary>Due a quiet delay after the last correction, but no later than the longest wait after the first one not yet learnt.</summary>
    private void Schedule()
    {
        _timer?.Dispose();
        var untilLongestWait = State.PendingSince is { } since ? since + options.MaxRetrainDelay - clock.GetUtcNow() : TimeSpan.Zero;
        var due = TimeSpan.FromTicks(Math.Clamp(untilLongestWait.Ticks, 0, options.RetrainDelay.Ticks));
        _timer = this.RegisterGrainTimer(RetrainAsync, new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }

    /// <summary>A failure leaves the corrections pending: the reminder tries again, and the version in use keeps serving.</summary>
    private async Task RetrainAsync(CancellationToken cancellationToken)
    {
        // Disposed once done, not now: disposing a timer cancels the token of the callback it is running.
        var timer = _timer;
        _timer = null;
        try
        {
            var examples = await data.ExamplesAsync(Workspace, IntentExampleWriter.MaxExamplesPerWorkspace, cancellationToken);
            // Nothing to learn and nothing served yet: the shipped model stays. Once a version was served, losing every
            // example (erased) trains the next version on the shipped examples alone, so the erased words are forgotten.
            if (examples.Count == 0 && State.Version == 0)
            {
                State.PendingSince = null;
                await model.WriteStateAsync();
                await DropReminderAsync();
                return;
            }

            var version = State.Version + 1;
            var shippedExamples = dataset.Examples;
            var (payload, figures) = await Task.Run(() => Train(shippedExamples, examples, version), cancellationToken).WaitAsync(options.TrainingTimeout, cancellationToken);
            var trainedAt = clock.GetUtcNow();
            await data.SaveModelAsync(Workspace, version, trainedAt, payload, cancellationToken);
            _publishing = true;
            State.Version = version;
            State.TrainedAt = trainedAt;
            State.ExamplesLearnt = examples.Count;
            State.Figures = figures;
            State.PendingSince = null;
            await model.WriteStateAsync();
            _served = version;
            Trained(Workspace, version, examples.Count, figures.MacroF1);
            await DropReminderAsync();

            // After the new version is in State: a node that evicts its copy asks again and must get the new one.
            await broadcaster.IntentModelChangedAsync(Workspace);
            await data.DropVersionsBeforeAsync(Workspace, version, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RetrainFailed(exception, Workspace);

            // State may hold a version that was never stored: start again from what is.
            DeactivateOnIdle();
        }
        finally
        {
            _publishing = false;
            timer?.Dispose();
        }
    }

    /// <summary>The workspace's examples go after the shipped ones; the held-out set measures the result and is never trained on.</summary>
    private static (byte[] Payload, IntentModelFigures Figures) Train(IReadOnlyList<IntentExample> shippedExamples, IReadOnlyList<LabelledMessage> workspaceExamples, int version)
    {
        var classifier = IntentTextModel.TrainClassifier(shippedExamples.Select(e => new LabelledMessage(e.Text, e.Intent)).Concat(workspaceExamples));
        using var bytes = new MemoryStream();
        LinearTextModelFile.Write(classifier, FileVersion(version), bytes);
        return (bytes.ToArray(), IntentModelFigures.Measure(IntentTextModel.Serve(classifier, FileVersion(version))));
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Workspace {Workspace} intent model version {Version} trained on {Examples} workspace examples (held-out macro-F1 {MacroF1})")]
    private partial void Trained(string workspace, int version, int examples, double macroF1);

    [LoggerMessage(2, LogLevel.Warning, "Retraining workspace {Workspace}'s intent model failed; the current version keeps serving and it is tried again")]
    private partial void RetrainFailed(Exception exception, string workspace);
}
