using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Ingest.Idempotency;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Workspaces;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Crm.Grains.Customers;

/// <summary>
/// The customer grain's core: loading, forwarding when merged, and <see cref="CommitAsync"/>, the one way state changes
/// reach storage — lifecycle and intent re-resolved, then state, read-model row, timeline entries and stat delta written
/// in one transaction, then the change published.
/// </summary>
[GrainType("customer")]
public sealed partial class CustomerGrain(
    [ReadModelState("customer")] IReadModelState<CustomerState> customer,
    IMessageIntentReader intentReader,
    IMessageSentimentReader sentimentReader,
    IAppliedEvents appliedEvents,
    IdempotencyOptions idempotency,
    ICustomerChangeSink changes,
    CompiledRuleCache rules,
    WorkspaceSettingsCache workspaceSettings,
    MembershipRulesCache membershipRules,
    [FromKeyedServices(GrainClock.Key)] TimeProvider clock) : Grain, ICustomerGrain
{
    public const string SystemActor = "system";

    private CustomerFlags _committedFlags;

    /// <summary>Whether the last committed state read as a mood turned negative, so a push goes out when it turns, not on every message after.</summary>
    private bool _committedTurnedNegative;

    private CustomerState State => customer.State;

    private string Workspace => WorkspaceKeys.WorkspaceOf(this.GetPrimaryKeyString());

    private string CustomerId => WorkspaceKeys.LocalPartOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _committedFlags = CustomerFlags.Of(State);
        _committedTurnedNegative = _committedFlags.Listed && SentimentRules.TurnedNegative(State, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<CustomerView?> Get() =>
        State.MergedInto is { } survivor ? Survivor(survivor).Get()
        : Task.FromResult(IsLive ? View() : null);

    public Task<CustomerSnapshot?> Snapshot() =>
        State.MergedInto is { } survivor ? Survivor(survivor).Snapshot()
        : Task.FromResult(IsLive ? BuildSnapshot() : null);

    public async Task Refresh()
    {
        if (IsLive)
        {
            await CommitAsync(clock.GetUtcNow(), []);
        }
    }

    public async Task ReevaluateSegments()
    {
        if (IsLive)
        {
            var now = clock.GetUtcNow();

            // Evaluation passes run because rules changed: they read the catalog itself, never a copy on a node that may
            // have missed the change, and refresh that copy for the commit below and the customers after.
            var catalog = await GrainFactory.GetGrain<ISegmentCatalogGrain>(Workspace).GetMembershipRules();
            membershipRules.Seen(Workspace, catalog);
            if (!SegmentMembership.Evaluate(catalog, rules, BuildSnapshot(), State.StaticSegments, now).SequenceEqual(State.Segments))
            {
                await CommitAsync(now, []);
            }
        }
    }

    private bool IsLive => State.Exists && State.MergedInto is null && State.ErasedAt is null;

    private ICustomerGrain Survivor(string survivorId) => GrainFactory.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(Workspace, survivorId));

    private void EnsureLive()
    {
        if (!IsLive)
        {
            throw new CustomerNotFoundException(CustomerId);
        }
    }

    /// <summary>
    /// Runs a change that may fail after touching <see cref="State"/> (a claim that times out, storage that refuses): on
    /// failure the activation is dropped, so the next call starts from what is stored.
    /// </summary>
    private async Task MutateAsync(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private Task<WorkspaceSettings> SettingsAsync() => workspaceSettings.GetAsync(Workspace);

    /// <summary>
    /// Stores the changes made to <see cref="State"/> with their timeline entries. If storage refuses, the activation is
    /// dropped so the next call starts from what is stored, never from a change that did not land.
    /// </summary>
    private async Task CommitAsync(DateTimeOffset now, List<TimelineDraft> timeline, IReadOnlyList<object>? alsoWrite = null, WorkspaceSettings? settings = null)
    {
        // Callers changed State before calling; anything failing from here on (settings, catalog, storage) drops the activation.
        await MutateAsync(async () =>
        {
            settings ??= await SettingsAsync();
            ResolveLifecycle(settings, now, timeline);
            ResolveIntent(settings, now, timeline);
            await ResolveSegmentsAsync(now, timeline);

            var flags = CustomerFlags.Of(State);
            var snapshot = flags.Listed ? BuildSnapshot() : null;
            var rows = new List<object>(timeline.Count + 3) { new CustomerRow(Workspace, CustomerId, snapshot) };
            var entries = timeline.Select(draft => new TimelineRow(Workspace, CustomerId, ++State.TimelineSequence, draft.At, draft.Kind, draft.Actor, draft.Summary)).ToArray();
            rows.AddRange(entries);
            var delta = _committedFlags.DeltaTo(flags, Workspace);
            if (!delta.IsZero)
            {
                rows.Add(delta);
            }

            rows.AddRange(alsoWrite ?? []);
            await customer.WriteStateAsync(rows);

            var before = _committedFlags;
            var turnedNegative = flags.Listed && SentimentRules.TurnedNegative(State, now);
            var wasTurnedNegative = _committedTurnedNegative;
            _committedFlags = flags;
            _committedTurnedNegative = turnedNegative;
            changes.Publish(new CustomerChange(
                Workspace,
                CustomerId,
                snapshot,
                EnteredAtRisk: flags.AtRisk && !before.AtRisk,
                BecameSalesOpportunity: flags.SalesOpportunity && !before.SalesOpportunity,
                MoodTurnedNegative: turnedNegative && !wasTurnedNegative,
                entries,
                State.MergedInto));
        });
    }

    private void ResolveLifecycle(WorkspaceSettings settings, DateTimeOffset now, List<TimelineDraft> timeline)
    {
        if (!IsLive)
        {
            return;
        }

        var (stage, reason, manualExpired) = LifecycleRules.Resolve(State, settings, now);
        if (manualExpired)
        {
            State.ManualLifecycle = null;
        }

        if (stage != State.Lifecycle)
        {
            timeline.Add(new TimelineDraft(now, "lifecycle_changed", SystemActor, $"{ReadModelNames.Of(State.Lifecycle)} → {ReadModelNames.Of(stage)}: {reason}"));
            State.Lifecycle = stage;
        }
    }

    private void ResolveIntent(WorkspaceSettings settings, DateTimeOffset now, List<TimelineDraft> timeline)
    {
        if (!IsLive)
        {
            return;
        }

        var (signal, correctionExpired) = IntentCorrectionRules.Resolve(State.IntentCorrection, IntentRules.Combine(State, settings, now));
        if (correctionExpired)
        {
            State.IntentCorrection = null;
        }

        if (signal.Intent != State.Intent.Intent)
        {
            timeline.Add(new TimelineDraft(now, "intent_changed", SystemActor, $"{ReadModelNames.Of(State.Intent.Intent)} → {ReadModelNames.Of(signal.Intent)}: {string.Join("; ", signal.Reasons)}"));
        }

        State.Intent = signal;
    }

    /// <summary>Re-evaluates membership against the workspace's current segments, so counts drawn from the read model are live.</summary>
    private async Task ResolveSegmentsAsync(DateTimeOffset now, List<TimelineDraft> timeline)
    {
        if (!IsLive)
        {
            return;
        }

        var catalog = await membershipRules.GetAsync(Workspace);
        var members = SegmentMembership.Evaluate(catalog, rules, BuildSnapshot(), State.StaticSegments, now);
        var joined = members.Except(State.Segments).ToArray();
        var left = State.Segments.Except(members).ToArray();
        if (joined.Length > 0)
        {
            timeline.Add(new TimelineDraft(now, "segments_joined", SystemActor, string.Join(", ", joined)));
        }

        if (left.Length > 0)
        {
            timeline.Add(new TimelineDraft(now, "segments_left", SystemActor, string.Join(", ", left)));
        }

        State.Segments = [.. members];
    }

    private CustomerSnapshot BuildSnapshot() => new()
    {
        Id = CustomerId,
        Name = State.Profile.Name,
        Email = State.Profile.Email,
        Phone = State.Profile.Phone,
        Company = State.Profile.Company,
        City = State.Profile.City,
        Country = State.Profile.Country,
        Language = State.Profile.Language,
        AvatarUrl = State.Profile.AvatarUrl,
        Lifecycle = State.Lifecycle,
        Intent = State.Intent.Intent,
        IntentScore = State.Intent.Score,
        Sentiment = SentimentRules.Current(State, clock.GetUtcNow()),
        Tags = State.Tags.ToHashSet(),
        Segments = State.Segments.ToHashSet(),
        Channels = State.Identities.Select(identity => ChannelNames.Of(identity.Channel)).ToHashSet(),
        Conversations = State.Conversations,
        Messages = State.Messages,
        Orders = State.Orders,
        LifetimeValue = State.LifetimeValue,
        CsatAverage = CsatAverage,
        FirstSeen = State.FirstSeen,
        LastActive = State.LastActive,
        LastContact = State.LastContact,
        Attributes = new Dictionary<string, AttributeValue>(State.Attributes),
    };

    private double? CsatAverage => State.CsatCount == 0 ? null : Math.Round((double)State.CsatSum / State.CsatCount, 2);

    private CustomerView View() => new()
    {
        Id = CustomerId,
        Profile = State.Profile,
        FirstSeen = State.FirstSeen,
        LastActive = State.LastActive,
        LastContact = State.LastContact,
        Conversations = State.Conversations,
        Messages = State.Messages,
        Orders = State.Orders,
        LifetimeValue = State.LifetimeValue,
        CsatCount = State.CsatCount,
        CsatAverage = CsatAverage,
        Lifecycle = State.Lifecycle,
        ManualLifecycle = State.ManualLifecycle,
        Intent = State.Intent,
        IntentCorrection = State.IntentCorrection,
        Tags = State.Tags.ToArray(),
        Segments = State.Segments.ToArray(),
        Identities = State.Identities.ToArray(),
        Attributes = new Dictionary<string, AttributeValue>(State.Attributes),
        Notes = State.Notes.ToArray(),
        RecentConversations = State.RecentConversations.ToArray(),
        RecentOrders = State.RecentOrders.ToArray(),
        Sentiment = SentimentRules.Current(State, clock.GetUtcNow()),
        SentimentTurnedNegative = SentimentRules.TurnedNegative(State, clock.GetUtcNow()),
    };
}
