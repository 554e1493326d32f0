using Crm.Grains.Customers;
using Crm.Grains.Ingest.Idempotency;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Workspaces;

/// <summary>
/// Woken by an Orleans reminder, so the sweep runs once per cluster whichever nodes are up: the reminder service hands each
/// reminder to one node and moves it when that node leaves.
/// </summary>
[GrainType("workspacesweep")]
public sealed class WorkspaceSweepGrain(
    [PersistentState("sweep")] IPersistentState<WorkspaceSweepState> sweep,
    ISweepQueries queries,
    IAppliedEvents appliedEvents,
    SweepOptions options,
    IdempotencyOptions idempotency,
    WorkspaceSettingsCache workspaceSettings,
    [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IWorkspaceSweepGrain, IRemindable
{
    public const string ReminderName = "sweep";
    private const int PageSize = 500;
    private const int Parallelism = 32;
    private const int PruneBatch = 5000;

    /// <summary>Registers the reminder unless one with this period exists, so a start does not push the next sweep back.</summary>
    public async Task Schedule()
    {
        if (sweep.State.ScheduledEvery != options.Interval || await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Interval, options.Interval);
            sweep.State.ScheduledEvery = options.Interval;
            await sweep.WriteStateAsync();
        }
    }

    /// <summary>Sweeps, then starts any segment evaluation behind its catalog (one whose start failed, or was cut off by a lost node).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        await Sweep();
        var workspace = this.GetPrimaryKeyString();
        var membershipVersion = await GrainFactory.GetGrain<ISegmentCatalogGrain>(workspace).GetMembershipVersion();
        await GrainFactory.GetGrain<ISegmentEvaluationGrain>(workspace).Evaluate(membershipVersion);
    }

    public async Task<int> Sweep()
    {
        var workspace = this.GetPrimaryKeyString();
        var settings = await workspaceSettings.GetAsync(workspace);
        var now = clock.GetUtcNow();
        var since = sweep.State.LastSweptAt ?? DateTimeOffset.UnixEpoch;
        var thresholds = new[]
        {
            IntentRules.BrowsingWindowDays, IntentRules.MessageWindowDays, IntentRules.OrderWindowDays, SentimentRules.WindowDays,
            (int)Math.Ceiling(ConversationPatterns.UnansweredAfter.TotalDays),
            settings.ActiveWindowDays, settings.AtRiskAfterDays, settings.ChurnedAfterDays,
        }.Distinct();

        var due = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var days in thresholds)
        {
            var from = since == DateTimeOffset.UnixEpoch ? since : since.AddDays(-days);
            var to = now.AddDays(-days);
            for (string? after = null; ;)
            {
                var page = await queries.LastHeardBetweenAsync(workspace, from, to, after, PageSize);
                due.UnionWith(page);
                if (page.Count < PageSize)
                {
                    break;
                }

                after = page[^1];
            }
        }

        foreach (var chunk in due.Chunk(Parallelism))
        {
            await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(workspace, id)).Refresh()));
        }

        await ForgetExpiredEventIdsAsync(workspace, now);
        sweep.State.LastSweptAt = now;
        await sweep.WriteStateAsync();
        return due.Count;
    }

    /// <summary>Ids older than the window no longer count as applied; deleting them in pages keeps each statement short.</summary>
    private async Task ForgetExpiredEventIdsAsync(string workspace, DateTimeOffset now)
    {
        while (await appliedEvents.PruneAsync(workspace, now - idempotency.Window, PruneBatch) == PruneBatch)
        {
        }
    }
}
