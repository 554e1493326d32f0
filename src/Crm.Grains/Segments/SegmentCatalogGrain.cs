using System.Collections.Frozen;
using System.Collections.Immutable;
using Crm.Grains.Nodes;
using Crm.Grains.Validation;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Segments;

[GrainType("segmentcatalog")]
// Read by almost every request of its workspace and one per workspace: kept in memory through quiet hours.
[CollectionAgeLimit(Hours = 24)]
public sealed partial class SegmentCatalogGrain(
    [PersistentState("catalog")] IPersistentState<SegmentCatalogState> catalog,
    [FromKeyedServices(GrainClock.Key)] TimeProvider clock,
    NodeBroadcaster nodes,
    ILogger<SegmentCatalogGrain> logger) : Grain, ISegmentCatalogGrain
{
    private MembershipRules _membershipRules = MembershipRules.Empty;

    private SegmentCatalogState State => catalog.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _membershipRules = BuildMembershipRules();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SegmentDefinition>> List() => Task.FromResult<IReadOnlyList<SegmentDefinition>>(State.Segments.ToArray());

    public Task<SegmentDefinition?> Get(string segmentId) => Task.FromResult(Find(segmentId));

    public Task<MembershipRules> GetMembershipRules() => Task.FromResult(_membershipRules);

    public Task<long> GetMembershipVersion() => Task.FromResult(State.MembershipVersion);

    public Task<SegmentDefinition> RequireStatic(string segmentId) => Find(segmentId) switch
    {
        null => Task.FromException<SegmentDefinition>(new SegmentNotFoundException(segmentId)),
        { Kind: SegmentKind.Rule } => Task.FromException<SegmentDefinition>(new DomainValidationException(
            new ValidationError("segmentId", $"segment '{segmentId}' is rule-based: its rule decides who belongs to it"))),
        var segment => Task.FromResult(segment),
    };

    public async Task<SegmentDefinition> Create(SegmentDraft draft)
    {
        var valid = Validate(draft, exceptId: null);
        if (State.Segments.Count >= SegmentDraftRules.MaxSegmentsPerWorkspace)
        {
            throw new DomainValidationException(new ValidationError("segments", $"a workspace has at most {SegmentDraftRules.MaxSegmentsPerWorkspace} segments"));
        }

        var now = clock.GetUtcNow();
        var segment = new SegmentDefinition
        {
            Id = SegmentIds.New(valid.Name, IsTaken),
            Name = valid.Name,
            Description = valid.Description,
            Kind = valid.Kind,
            Rule = valid.Rule,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await ChangeAsync(() => State.Segments.Add(segment), reevaluate: segment.Kind == SegmentKind.Rule);
        return segment;
    }

    public async Task<SegmentDefinition> Update(string segmentId, SegmentDraft draft)
    {
        var current = Find(segmentId) ?? throw new SegmentNotFoundException(segmentId);
        var valid = Validate(draft, exceptId: segmentId);
        if (valid.Kind != current.Kind)
        {
            throw new DomainValidationException(new ValidationError("kind", "a segment's kind cannot change; create a new segment instead"));
        }

        var updated = current with { Name = valid.Name, Description = valid.Description, Rule = valid.Rule, UpdatedAt = clock.GetUtcNow() };
        await ChangeAsync(() => State.Segments[State.Segments.IndexOf(current)] = updated, reevaluate: updated.Rule != current.Rule);
        return updated;
    }

    public async Task Delete(string segmentId)
    {
        var current = Find(segmentId) ?? throw new SegmentNotFoundException(segmentId);
        await ChangeAsync(() =>
        {
            State.Segments.Remove(current);
            State.RetiredIds.Add(segmentId);
        }, reevaluate: true);
    }

    private SegmentDraft Validate(SegmentDraft draft, string? exceptId)
    {
        var (valid, error) = SegmentDraftRules.Normalize(draft);
        if (error is not null)
        {
            throw new DomainValidationException(error);
        }

        if (State.Segments.Any(segment => segment.Id != exceptId && string.Equals(segment.Name, valid!.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainValidationException(new ValidationError("name", "another segment of this workspace has this name"));
        }

        return valid!;
    }

    private SegmentDefinition? Find(string segmentId) => State.Segments.Find(segment => segment.Id == segmentId);

    private bool IsTaken(string id) => State.Segments.Exists(segment => segment.Id == id) || State.RetiredIds.Contains(id);

    /// <summary>
    /// Stores a change made to <see cref="State"/>. If storage refuses, the activation is dropped so the next call starts
    /// from what is stored, never from a change that did not land. Every node then drops its copy of the rules, before the
    /// change is acknowledged and before the evaluation that a change able to move customers in or out of segments starts,
    /// so customers being evaluated read the new rules wherever they are.
    /// </summary>
    private async Task ChangeAsync(Action change, bool reevaluate)
    {
        change();
        State.Version++;
        if (reevaluate)
        {
            State.MembershipVersion = State.Version;
        }

        try
        {
            await catalog.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        _membershipRules = BuildMembershipRules();
        await nodes.SegmentRulesChangedAsync(this.GetPrimaryKeyString());
        if (reevaluate)
        {
            StartEvaluation(State.MembershipVersion);
        }
    }

    /// <summary>
    /// Not awaited: evaluating customers reads this catalog, so waiting here could wait on ourselves. A start that fails
    /// is repeated by the workspace sweep, which starts any evaluation behind the catalog.
    /// </summary>
    private void StartEvaluation(long version)
    {
        var workspace = this.GetPrimaryKeyString();
        GrainFactory.GetGrain<ISegmentEvaluationGrain>(workspace).Evaluate(version).ContinueWith(
            failed => EvaluationNotStarted(failed.Exception!, workspace),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not start evaluating the segments of workspace {Workspace}; the next sweep starts it")]
    private partial void EvaluationNotStarted(Exception exception, string workspace);

    private MembershipRules BuildMembershipRules() => new(
        State.Version,
        State.Segments.Where(segment => segment.Kind == SegmentKind.Rule).Select(segment => new RuleSegment(segment.Id, segment.Rule!)).ToImmutableArray(),
        State.Segments.Where(segment => segment.Kind == SegmentKind.Static).Select(segment => segment.Id).ToFrozenSet(StringComparer.Ordinal));
}
