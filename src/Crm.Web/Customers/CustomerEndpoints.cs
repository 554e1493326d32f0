using Crm.Grains.Customers;
using Crm.Grains.Workspaces;
using Orleans;
using Crm.Grains.ReadModel;
using Crm.Web.Access;
using Crm.Web.Errors;
using Crm.Web.Upgrade;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Crm.Web.Customers;

public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").RequireAuthorization(CrmPolicies.Agent).WithTags("Customers");
        customers.MapGet("/", ListAsync);
        customers.MapPost("/", CreateAsync).WaitsForIdentityUpgrade();
        customers.MapGet("/{id}", GetAsync);
        customers.MapPatch("/{id}", (string id, ProfilePatch patch, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.UpdateProfile(patch, actor)))
            .WaitsForIdentityUpgrade(context => context.Arguments.OfType<ProfilePatch>().Any(patch => patch.Phone is not null || patch.Email is not null));
        customers.MapPut("/{id}/lifecycle", (string id, LifecycleRequest request, IGrainFactory grains, HttpContext context) =>
            ReadModelNames.TryParseLifecycle(request.Lifecycle, out var stage)
                ? Mutate(id, grains, context, (customer, actor) => customer.SetLifecycle(stage, actor))
                : Task.FromResult(Problems.Invalid("lifecycle", "must be lead, prospect, customer, active, at_risk, churned or vip")));
        customers.MapPut("/{id}/intent", (string id, IntentRequest request, IGrainFactory grains, HttpContext context) =>
            ReadModelNames.TryParseIntent(request.Intent, out var intent)
                ? Mutate(id, grains, context, (customer, actor) => customer.CorrectIntent(intent, request.Note, actor))
                : Task.FromResult(Problems.Invalid("intent", "must be sales_opportunity, support, general or no_engagement")));
        customers.MapPost("/{id}/tags", (string id, TagsRequest request, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.AddTags(request.Tags ?? [], actor)));
        customers.MapDelete("/{id}/tags/{tag}", (string id, string tag, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.RemoveTags([tag], actor)));
        customers.MapPost("/{id}/segments", (string id, SegmentRequest request, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.AddToSegment(request.SegmentId ?? string.Empty, actor)));
        customers.MapDelete("/{id}/segments/{segmentId}", (string id, string segmentId, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.RemoveFromSegment(segmentId, actor)));
        customers.MapGet("/{id}/timeline", TimelineAsync);
        customers.MapGet("/{id}/export", ExportAsync);
        customers.MapDelete("/{id}", EraseAsync);
        customers.MapPost("/{id}/merge", MergeAsync);
        customers.MapCustomerRecordEndpoints();
        api.MapGet("/duplicates", async (ICustomerRecordQueries queries, HttpContext context) =>
            Results.Ok(await queries.DuplicateSuggestionsAsync(context.User.WorkspaceId(), 500, context.RequestAborted))).RequireAuthorization(CrmPolicies.Agent).WithTags("Customers");
        customers.MapPost("/{id}/notes", async (string id, NoteRequest request, IGrainFactory grains, HttpContext context) =>
            CustomerIds.IsValid(id)
                ? Results.Created($"/api/v1/customers/{id}/notes", await Customer(grains, context, id).AddNote(context.User.Actor(), request.Text ?? string.Empty))
                : Results.NotFound());
        return api;
    }

    public sealed record MergeRequest(string? DuplicateId, bool DryRun);

    private static async Task<IResult> TimelineAsync(string id, long? before, int? limit, ICustomerRecordQueries queries, IGrainFactory grains, HttpContext context)
    {
        if (!CustomerIds.IsValid(id) || await Customer(grains, context, id).Get() is not { } customer)
        {
            return Results.NotFound();
        }

        if (limit is < 1 or > 200)
        {
            return Problems.Invalid("limit", "must be between 1 and 200");
        }

        var entries = await queries.TimelineAsync(context.User.WorkspaceId(), customer.Id, before, limit ?? 50, context.RequestAborted);
        return Results.Ok(new { items = entries.Select(entry => new { entry.Sequence, entry.At, entry.Kind, entry.Actor, entry.Summary }), nextBefore = entries.Count == (limit ?? 50) ? entries[^1].Sequence : (long?)null });
    }

    /// <summary>GDPR access: everything the grain holds plus the whole timeline from the read model.</summary>
    private static async Task<IResult> ExportAsync(string id, ICustomerRecordQueries queries, IGrainFactory grains, HttpContext context)
    {
        if (!CustomerIds.IsValid(id))
        {
            return Results.NotFound();
        }

        var export = await Customer(grains, context, id).Export();
        var timeline = await queries.TimelineAsync(context.User.WorkspaceId(), export.Customer.Id, null, int.MaxValue, context.RequestAborted);
        context.Response.Headers.ContentDisposition = $"attachment; filename=customer-{export.Customer.Id}.json";
        return Results.Ok(new { export.Customer, timeline, export.MergedCustomerIds, export.ExportedAt });
    }

    private static async Task<IResult> EraseAsync(string id, IGrainFactory grains, HttpContext context)
    {
        if (!CustomerIds.IsValid(id))
        {
            return Results.NotFound();
        }

        await Customer(grains, context, id).Erase(context.User.Actor());
        return Results.NoContent();
    }

    /// <summary>Merges <c>duplicateId</c> into the customer of the path; with <c>dryRun</c> answers the merged profile and changes nothing.</summary>
    private static async Task<IResult> MergeAsync(string id, MergeRequest request, IGrainFactory grains, IOptions<JsonOptions> json, HttpContext context)
    {
        if (!CustomerIds.IsValid(id))
        {
            return Results.NotFound();
        }

        if (!CustomerIds.IsValid(request.DuplicateId))
        {
            return Problems.Invalid("duplicateId", "must be the id of a customer of this workspace");
        }

        var workspace = context.User.WorkspaceId();
        var result = await grains.GetGrain<Crm.Grains.Merge.IMergeGrain>(Crm.Grains.Merge.MergeKeys.For(workspace, id, request.DuplicateId!))
            .Merge(id, request.DuplicateId!, context.User.Actor(), request.DryRun);
        return Results.Ok(new { survivor = CustomerResponse.From(result.Survivor, id, json.Value.SerializerOptions), result.DuplicateId, result.DryRun });
    }

    private static async Task<IResult> CreateAsync(NewCustomerRequest request, IGrainFactory grains, IOptions<JsonOptions> json, HttpContext context)
    {
        var id = CustomerIds.New();
        var created = await Customer(grains, context, id).Create(new NewCustomer { Profile = request.Profile ?? new ProfilePatch(), Tags = request.Tags ?? [] }, context.User.Actor());
        return Results.Created($"/api/v1/customers/{id}", CustomerResponse.From(created, id, json.Value.SerializerOptions));
    }

    private static async Task<IResult> Mutate(string id, IGrainFactory grains, HttpContext context, Func<ICustomerGrain, string, Task<CustomerView>> change)
    {
        if (!CustomerIds.IsValid(id))
        {
            return Results.NotFound();
        }

        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return Results.Ok(CustomerResponse.From(await change(Customer(grains, context, id), context.User.Actor()), id, json));
    }

    private static ICustomerGrain Customer(IGrainFactory grains, HttpContext context, string id) =>
        grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(context.User.WorkspaceId(), id));

    private static async Task<IResult> ListAsync(ICustomerListQueries queries, HttpContext context)
    {
        var (query, cursor, limit, error) = CustomerListParameters.Parse(context.Request.Query);
        if (error is not null)
        {
            return Problems.Invalid(error);
        }

        var page = await queries.ListAsync(context.User.WorkspaceId(), query!, cursor, limit, context.RequestAborted);
        return Results.Ok(new { items = page.Rows, nextCursor = page.NextCursor });
    }

    /// <summary>A merged id answers with the survivor's body (its <c>id</c> differs from the one asked for) and <c>mergedInto</c>.</summary>
    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, IOptions<JsonOptions> json, HttpContext context)
    {
        if (!CustomerIds.IsValid(id))
        {
            return Results.NotFound();
        }

        var customer = await grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(context.User.WorkspaceId(), id)).Get();
        return customer is null ? Results.NotFound() : Results.Ok(CustomerResponse.From(customer, id, json.Value.SerializerOptions));
    }
}
