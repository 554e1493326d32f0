using System.Diagnostics;
using Crm.Grains.Customers;
using Crm.Grains.Ingest;
using Crm.Grains.Segments;
using Crm.Grains.Upgrade;
using Crm.Grains.Workspaces;
using Orleans;
using Crm.Web.Access;

namespace Crm.Web.Demo;

/// <summary>
/// Seeds the default workspace with <see cref="DemoOptions.Customers"/> generated customers once the service listens.
/// Events go through <see cref="EventIngestor"/>, the path the ingest API takes, so rows, timelines, stat cards and
/// segment memberships are what real traffic would produce; tags, static segments and notes go through the customer
/// grains as an agent's edits would. Seeding again with the same seed changes nothing: every event is a duplicate, tags
/// and segment memberships are already there, and a note is only added to a customer without one.
/// </summary>
public sealed partial class DemoSeeder(
    DemoOptions options,
    EventIngestor ingestor,
    IdentityUpgradeGate identityUpgrade,
    IGrainFactory grains,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    /// <summary>Customers seeded at once: enough for group commit to fill its batches, few enough to keep the service responsive.</summary>
    private const int Parallelism = 64;

    private readonly TaskCompletionSource<DemoSeedResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private int _done;

    /// <summary>Completes when seeding has finished (or faults with what stopped it).</summary>
    public Task<DemoSeedResult> Completion => _completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ApplicationStart.WaitAsync(lifetime, stoppingToken);

            // Seeded events take the ingest path, which opens once stored identities follow this release's rules.
            while (!await identityUpgrade.IsOpenAsync())
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }

            _completion.TrySetResult(await SeedAsync(BootstrapWorkspace.DefaultWorkspace, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(stoppingToken);
        }
        catch (Exception exception)
        {
            Failed(exception);
            _completion.TrySetException(exception);
        }
    }

    private async Task<DemoSeedResult> SeedAsync(string workspace, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var segmentIds = await EnsureSegmentsAsync(workspace);

        // Anchored to the hour so that seedings within one hour send byte-identical events; ids repeat whatever the hour.
        var now = clock.GetUtcNow();
        var anchor = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        Starting(options.Customers, options.Seed);
        using var generators = new ThreadLocal<DemoCustomerGenerator>(() => new DemoCustomerGenerator(options.Seed, anchor));
        var reported = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Customers),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, _) =>
            {
                await SeedCustomerAsync(workspace, generators.Value!.Plan(index), segmentIds);
                var done = Interlocked.Increment(ref _done);
                var percent = (int)(done * 100L / options.Customers);
                var last = Volatile.Read(ref reported);
                if (percent / 10 > last / 10 && Interlocked.CompareExchange(ref reported, percent, last) == last)
                {
                    Progress(done, options.Customers, percent, Interlocked.Read(ref _accepted) + Interlocked.Read(ref _duplicates));
                }
            });

        var result = new DemoSeedResult(options.Customers, _accepted, _duplicates, _rejected, watch.Elapsed);
        Finished(result.Customers, result.Accepted, result.Duplicates, result.Rejected, result.Elapsed.TotalSeconds);
        return result;
    }

    private async Task<Dictionary<string, string>> EnsureSegmentsAsync(string workspace)
    {
        var catalog = grains.GetGrain<ISegmentCatalogGrain>(workspace);
        var existing = await catalog.List();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var draft in DemoSegments.All)
        {
            var segment = existing.FirstOrDefault(s => string.Equals(s.Name, draft.Name, StringComparison.OrdinalIgnoreCase)) ?? await catalog.Create(draft);
            ids[draft.Name] = segment.Id;
        }

        return ids;
    }

    private async Task SeedCustomerAsync(string workspace, DemoCustomerPlan plan, Dictionary<string, string> segmentIds)
    {
        string? customerId = null;
        foreach (var @event in plan.Events)
        {
            var result = await ingestor.IngestAsync(workspace, @event);
            switch (result.Status)
            {
                case IngestStatus.Accepted:
                    Interlocked.Increment(ref _accepted);
                    break;
                case IngestStatus.Duplicate:
                    Interlocked.Increment(ref _duplicates);
                    break;
                default:
                    Interlocked.Increment(ref _rejected);
                    Rejected(@event.Id, result.Error!.Field, result.Error.Rule);
                    break;
            }

            customerId ??= result.CustomerId;
        }

        if (customerId is null)
        {
            return;
        }

        var customer = grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(workspace, customerId));
        if (plan.Tags.Count > 0)
        {
            await customer.AddTags(plan.Tags, DemoCustomerGenerator.Actor);
        }

        foreach (var segment in plan.StaticSegments)
        {
            await customer.AddToSegment(segmentIds[segment], DemoCustomerGenerator.Actor);
        }

        if (plan.Note is { } note && (await customer.Get())?.Notes.Count == 0)
        {
            await customer.AddNote(DemoCustomerGenerator.Actor, note);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Demo data: seeding {Customers} customers with seed {Seed}")]
    private partial void Starting(int customers, int seed);

    [LoggerMessage(2, LogLevel.Information, "Demo data: {Done} of {Customers} customers ({Percent} %), {Events} events")]
    private partial void Progress(int done, int customers, int percent, long events);

    [LoggerMessage(3, LogLevel.Information, "Demo data: {Customers} customers seeded: {Accepted} events accepted, {Duplicates} already applied, {Rejected} rejected, in {Seconds:0.0} s")]
    private partial void Finished(int customers, long accepted, long duplicates, long rejected, double seconds);

    [LoggerMessage(4, LogLevel.Warning, "Demo data: event {EventId} was rejected: {Field} {Rule}")]
    private partial void Rejected(string eventId, string field, string rule);

    [LoggerMessage(5, LogLevel.Error, "Demo data: seeding stopped")]
    private partial void Failed(Exception exception);
}
