using Crm.Grains.Customers;
using Crm.Grains.Workspaces;
using Crm.Silo;
using Crm.Grains.ReadModel;
using Crm.Web.Access;
using Crm.Web.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Crm.Web.Customers;

public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").RequireAuthorization(CrmPolicies.Agent).WithTags("Customers");
        customers.MapGet("/", ListAsync);
        customers.MapPost("/", CreateAsync);
        customers.MapGet("/{id}", GetAsync);
        customers.MapPatch("/{id}", (string id, ProfilePatch patch, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.UpdateProfile(patch, actor)));
        customers.MapPut("/{id}/lifecycle", (string id, LifecycleRequest request, IGrainFactory grains, HttpContext context) =>
            ReadModelNames.TryParseLifecycle(request.Lifecycle, out var stage)
                ? Mutate(id, grains, context, (customer, actor) => customer.SetLifecycle(stage, actor))
                : Task.FromResult(Problems.Invalid("lifecycle", "must be lead, prospect, customer, active, at_risk, churned or vip")));
        customers.MapPost("/{id}/tags", (string id, TagsRequest request, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.AddTags(request.Tags ?? [], actor)));
        customers.MapDelete("/{id}/tags/{tag}", (string id, string tag, IGrainFactory grains, HttpContext context) =>
            Mutate(id, grains, context, (customer, actor) => customer.RemoveTags([tag], actor)));
        customers.MapPost("/{id}/notes", async (string id, NoteRequest request, IGrainFactory grains, HttpContext context) =>
            CustomerIds.IsValid(id)
                ? Results.Created($"/api/v1/customers/{id}/notes", await Customer(grains, context, id).AddNote(context.User.Actor(), request.Text ?? string.Empty))
                : Results.NotFound());
        return api;
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
