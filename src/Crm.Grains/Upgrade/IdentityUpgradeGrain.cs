using Crm.Grains.Customers;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Upgrade;

/// <summary>
/// Walks every stored customer state page by page, in the store's key order, and asks each customer to bring itself to
/// the current identity rules; the cursor is stored after every page. While the pass runs it holds an Orleans reminder:
/// if the node running it is lost (or the grain is deactivated), the reminder or the next node's start wakes it on
/// another node, which goes on from the last page stored. <see cref="IdentityUpgradeState.RulesVersion"/> is the
/// data-version marker: a finished pass is never run again, and on an empty store the first page ends it at once.
/// </summary>
[GrainType("identityupgrade")]
public sealed partial class IdentityUpgradeGrain(
    [PersistentState("identity-upgrade")] IPersistentState<IdentityUpgradeState> upgrade,
    IStateStorage storage,
    IdentityUpgradeOptions options,
    ILogger<IdentityUpgradeGrain> logger,
    [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IIdentityUpgradeGrain, IRemindable
{
    public const string Key = "cluster";

    /// <summary>1: the hand-written phone normalizer and lower-cased Unicode email domains; 2: libphonenumber and IDNA.</summary>
    public const int RulesVersion = 2;

    public const string ReminderName = "resume";

    /// <summary>Where customer grains keep their state: <c>{grain type}.{state name}</c> of <see cref="CustomerGrain"/>.</summary>
    private const string CustomerStates = "customer.customer";

    private const int Parallelism = 32;

    /// <summary>Orleans' shortest reminder period: how long a pass cut off by a lost node waits before it goes on.</summary>
    private static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private static readonly GrainTimerCreationOptions EveryPage = new() { DueTime = TimeSpan.Zero, Period = TimeSpan.FromMilliseconds(10), KeepAlive = true };

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _timer;

    private IdentityUpgradeState State => upgrade.State;

    private bool Behind => State.RulesVersion < RulesVersion;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ScheduleIfBehindAsync();

    public async Task<IdentityUpgradeStatus> Start()
    {
        await ScheduleIfBehindAsync();
        return Describe();
    }

    public Task<IdentityUpgradeStatus> Status() => Task.FromResult(Describe());

    public async Task<IdentityUpgradeStatus> WaitUntilDone(TimeSpan atMost)
    {
        if (Behind)
        {
            await Task.WhenAny(_done.Task, Task.Delay(atMost));
        }

        return Describe();
    }

    /// <summary>Activation already resumed a pass that is behind; a reminder left from a finished one is dropped.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName && !Behind && await this.GetReminder(ReminderName) is { } done)
        {
            await this.UnregisterReminder(done);
        }
    }

    private IdentityUpgradeStatus Describe() => new(!Behind, State.RulesVersion, State.After, State.Counts, State.StartedAt, State.FinishedAt);

    private async Task ScheduleIfBehindAsync()
    {
        if (Behind && _timer is null)
        {
            if (State.StartedAt is null)
            {
                State.StartedAt = clock.GetUtcNow();
                await SaveAsync();
                PassStarted(State.RulesVersion, RulesVersion);
            }

            await this.RegisterOrUpdateReminder(ReminderName, ResumeAfter, ResumeAfter);
            _timer = this.RegisterGrainTimer(UpgradePageAsync, EveryPage);
        }
    }

    /// <summary>
    /// A page that fails is retried from the last page stored, a second later (so an unreachable database is not asked a
    /// hundred times a second); customers upgraded twice change nothing the second time.
    /// </summary>
    private async Task UpgradePageAsync(CancellationToken cancellationToken)
    {
        try
        {
            var page = await storage.ListKeysAsync(CustomerStates, State.After, options.PageSize, cancellationToken);
            var counts = State.Counts;
            foreach (var chunk in page.Chunk(Parallelism))
            {
                var results = await Task.WhenAll(chunk.Select(key => GrainFactory.GetGrain<ICustomerGrain>(key).UpgradeIdentities()));
                for (var i = 0; i < chunk.Length; i++)
                {
                    foreach (var refused in results[i].Refused)
                    {
                        ValueRefused(chunk[i], refused);
                    }

                    counts = counts.Add(results[i]);
                }
            }

            State.Counts = counts;
            if (page.Count == options.PageSize)
            {
                State.After = page[^1];
            }
            else
            {
                State.RulesVersion = RulesVersion;
                State.After = null;
                State.FinishedAt = clock.GetUtcNow();
                _timer?.Dispose();
                _timer = null;
            }

            await SaveAsync();
        }
        catch (Exception exception) when (_timer is not null)
        {
            PageFailed(exception, State.After);
            await Task.Delay(RetryAfter, cancellationToken);
        }

        if (_timer is null)
        {
            _done.TrySetResult();
            PassFinished(State.Counts.Visited, State.Counts.Changed, State.Counts.DuplicatesSuggested, State.Counts.Refused, State.FinishedAt!.Value - State.StartedAt!.Value);
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    /// <summary>If storage refuses, the activation is dropped: the next one goes on from what is stored, never from progress that did not land.</summary>
    private async Task SaveAsync()
    {
        try
        {
            await upgrade.WriteStateAsync();
        }
        catch
        {
            _timer?.Dispose();
            _timer = null;
            DeactivateOnIdle();
            throw;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Identity upgrade started: stored identities are at data version {From} (0: written before the marker), this release needs {To}; ingest waits until it is done")]
    private partial void PassStarted(int from, int to);

    [LoggerMessage(2, LogLevel.Information, "Identity upgrade done: {Visited} customer states visited, {Changed} changed, {Duplicates} duplicate suggestions, {Refused} stored values refused by the current rules, in {Duration}")]
    private partial void PassFinished(long visited, long changed, long duplicates, long refused, TimeSpan duration);

    [LoggerMessage(3, LogLevel.Warning, "Identity upgrade: customer {Customer} keeps {Value}, which the current rules refuse; an agent should correct or remove it")]
    private partial void ValueRefused(string customer, string value);

    [LoggerMessage(4, LogLevel.Warning, "Identity upgrade: a page after {After} failed; it is tried again")]
    private partial void PageFailed(Exception exception, string? after);
}
