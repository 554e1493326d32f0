using System.Globalization;
using Crm.Grains.Customers;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;
using Orleans;
using Crm.Web.Access;
using Crm.Web.Errors;

namespace Crm.Web.Segments;

/// <summary>
/// Segments of the caller's workspace: agents list, read, create and edit them and page through members; deleting takes
/// an admin key, because it cannot be undone: a static segment's hand-picked members are lost and its id is retired for good.
/// Rule errors come back as 400 on the field <c>rule</c> with the parser's column (<c>column 13: unknown lifecycle 'gold' …</c>).
/// </summary>
public static class SegmentEndpoints
{
    public const int DefaultMemberLimit = 50;

    /// <summary>Member counts run at once when listing: one indexed count query each.</summary>
    private const int ConcurrentCounts = 4;

    public static RouteGroupBuilder MapSegmentEndpoints(this RouteGroupBuilder api)
    {
        var segments = api.MapGroup("/segments").RequireAuthorization(CrmPolicies.Agent).WithTags("Segments");
        segments.MapGet("/", ListAsync);
        segments.MapPost("/", CreateAsync);
        segments.MapGet("/{id}", GetAsync);
        segments.MapPatch("/{id}", UpdateAsync);
        segments.MapDelete("/{id}", DeleteAsync).RequireAuthorization(CrmPolicies.Admin);
        segments.MapGet("/{id}/members", MembersAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains, ISegmentQueries queries, HttpContext context)
    {
        var workspace = context.User.WorkspaceId();
        var definitions = await Catalog(grains, context).List();
        var evaluating = await EvaluatingAsync(grains, context);
        var items = new SegmentResponse[definitions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, definitions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentCounts, CancellationToken = context.RequestAborted },
            async (index, cancellation) => items[index] = SegmentResponse.From(
                definitions[index], await queries.CountMembersAsync(workspace, definitions[index].Id, cancellation), evaluating));
        return Results.Ok(new { items });
    }

    private static async Task<IResult> CreateAsync(SegmentInput input, IGrainFactory grains, ISegmentQueries queries, HttpContext context)
    {
        var (kind, error) = ParseKind(input.Kind);
        if (error is not null)
        {
            return Problems.Invalid(error);
        }

        var segment = await Catalog(grains, context).Create(new SegmentDraft { Name = input.Name ?? string.Empty, Description = input.Description, Kind = kind, Rule = input.Rule });
        return Results.Created($"/api/v1/segments/{segment.Id}", await ResponseAsync(segment, grains, queries, context));
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, ISegmentQueries queries, HttpContext context) =>
        SegmentIds.IsValid(id) && await Catalog(grains, context).Get(id) is { } segment
            ? Results.Ok(await ResponseAsync(segment, grains, queries, context))
            : Results.NotFound();

    /// <summary>A field left out keeps its value; the catalog refuses a change of kind and checks the result as a whole.</summary>
    private static async Task<IResult> UpdateAsync(string id, SegmentInput input, IGrainFactory grains, ISegmentQueries queries, HttpContext context)
    {
        var catalog = Catalog(grains, context);
        if (!SegmentIds.IsValid(id) || await catalog.Get(id) is not { } current)
        {
            return Results.NotFound();
        }

        var (kind, error) = input.Kind is null ? (current.Kind, null) : ParseKind(input.Kind);
        if (error is not null)
        {
            return Problems.Invalid(error);
        }

        var updated = await catalog.Update(id, new SegmentDraft
        {
            Name = input.Name ?? current.Name,
            Description = input.Description ?? current.Description,
            Kind = kind,
            Rule = input.Rule ?? current.Rule,
        });
        return Results.Ok(await ResponseAsync(updated, grains, queries, context));
    }

    private static async Task<IResult> DeleteAsync(string id, IGrainFactory grains, HttpContext context)
    {
        if (!SegmentIds.IsValid(id))
        {
            return Results.NotFound();
        }

        await Catalog(grains, context).Delete(id);
        return Results.NoContent();
    }

    /// <summary>Members in customer id order; <c>nextCursor</c> is null on the last page.</summary>
    private static async Task<IResult> MembersAsync(string id, string? limit, string? cursor, IGrainFactory grains, HttpContext context)
    {
        if (!SegmentIds.IsValid(id))
        {
            return Results.NotFound();
        }

        var size = DefaultMemberLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > SegmentMemberPage.MaxLimit))
        {
            return Problems.Invalid("limit", $"must be a whole number between 1 and {SegmentMemberPage.MaxLimit}");
        }

        if (!string.IsNullOrEmpty(cursor) && !CustomerIds.IsValid(cursor))
        {
            return Problems.Invalid("cursor", "is not a cursor of a member page");
        }

        var page = await grains.GetGrain<ISegmentGrain>(WorkspaceKeys.Compose(context.User.WorkspaceId(), id)).ListMembers(string.IsNullOrEmpty(cursor) ? null : cursor, size);
        return Results.Ok(new { items = page.CustomerIds, nextCursor = page.NextAfter });
    }

    private static (SegmentKind Kind, ValidationError? Error) ParseKind(string? kind) => kind switch
    {
        "static" or "manual" => (SegmentKind.Static, null),
        "rule" => (SegmentKind.Rule, null),
        _ => (default, new ValidationError("kind", "must be static (or manual) or rule")),
    };

    /// <summary>The status is read before the count: a pass that ended before the count began means the count is final.</summary>
    private static async Task<SegmentResponse> ResponseAsync(SegmentDefinition segment, IGrainFactory grains, ISegmentQueries queries, HttpContext context)
    {
        var evaluating = await EvaluatingAsync(grains, context);
        return SegmentResponse.From(segment, await queries.CountMembersAsync(context.User.WorkspaceId(), segment.Id, context.RequestAborted), evaluating);
    }

    /// <summary>Whether customers are not yet all evaluated against the workspace's current segments.</summary>
    private static async Task<bool> EvaluatingAsync(IGrainFactory grains, HttpContext context)
    {
        var membershipVersion = await Catalog(grains, context).GetMembershipVersion();
        var status = await grains.GetGrain<ISegmentEvaluationGrain>(context.User.WorkspaceId()).Status();
        return status.EvaluatedVersion < membershipVersion;
    }

    private static ISegmentCatalogGrain Catalog(IGrainFactory grains, HttpContext context) =>
        grains.GetGrain<ISegmentCatalogGrain>(context.User.WorkspaceId());
}
