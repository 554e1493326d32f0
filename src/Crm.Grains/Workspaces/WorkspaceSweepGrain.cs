using Crm.Grains.Customers;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Grains.Workspaces;

[GrainType("workspacesweep")]
public sealed class WorkspaceSweepGrain(
    [PersistentState("sweep")] IPersistentState<WorkspaceSweepState> sweep,
    ISweepQueries queries,
    WorkspaceSettingsCache workspaceSettings,
    [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, IWorkspaceSweepGrain
{
    private const int PageSize = 500;
    private const int Parallelism = 32;

    public async Task<int> Sweep()
    {
        var workspace = this.GetPrimaryKeyString();
        var settings = await workspaceSettings.GetAsync(workspace);
        var now = clock.GetUtcNow();
        var since = sweep.State.LastSweptAt ?? DateTimeOffset.UnixEpoch;
        var thresholds = new[]
        {
            IntentRules.BrowsingWindowDays, IntentRules.MessageWindowDays, IntentRules.OrderWindowDays,
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

        sweep.State.LastSweptAt = now;
        await sweep.WriteStateAsync();
        return due.Count;
    }
}
