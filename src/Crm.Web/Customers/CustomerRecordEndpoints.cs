using Crm.Grains.Customers;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;
using Orleans;
using Crm.Web.Access;
using Crm.Web.Errors;

namespace Crm.Web.Customers;

/// <summary>
/// A customer's records as sub-resources: identities, custom attributes, conversations, orders and notes. Reads through a
/// merged id answer with the survivor's records; writes through one reach the survivor.
/// </summary>
public static class CustomerRecordEndpoints
{
    public static RouteGroupBuilder MapCustomerRecordEndpoints(this RouteGroupBuilder customers)
    {
        customers.MapGet("/{id}/identities", (string id, IGrainFactory grains, HttpContext context) =>
            ReadAsync(id, grains, context, customer => new CustomerIdentitiesResponse(customer.Id, MergedInto(customer, id), customer.Identities)));
        customers.MapGet("/{id}/attributes", (string id, IGrainFactory grains, HttpContext context) =>
            ReadAsync(id, grains, context, customer => Attributes(customer, id)));
        customers.MapPut("/{id}/attributes", ReplaceAttributesAsync);
        customers.MapPatch("/{id}/attributes", ChangeAttributesAsync);
        customers.MapDelete("/{id}/attributes/{key}", RemoveAttributeAsync);
        customers.MapGet("/{id}/conversations", (string id, IGrainFactory grains, HttpContext context) =>
            ReadAsync(id, grains, context, customer => new CustomerConversationsResponse(customer.Id, MergedInto(customer, id), customer.Conversations, customer.Messages, customer.RecentConversations)));
        customers.MapGet("/{id}/orders", (string id, IGrainFactory grains, HttpContext context) =>
            ReadAsync(id, grains, context, customer => Orders(customer, id)));
        customers.MapGet("/{id}/notes", (string id, IGrainFactory grains, HttpContext context) =>
            ReadAsync(id, grains, context, customer => new CustomerNotesResponse(customer.Id, MergedInto(customer, id), customer.Notes)));
        customers.MapPatch("/{id}/notes/{noteId}", EditNoteAsync);
        customers.MapDelete("/{id}/notes/{noteId}", DeleteNoteAsync);
        return customers;
    }

    private static async Task<IResult> ReadAsync<T>(string id, IGrainFactory grains, HttpContext context, Func<CustomerView, T> answer) =>
        CustomerIds.IsValid(id) && await Customer(grains, context, id).Get() is { } customer
            ? Results.Ok(answer(customer))
            : CustomerNotFound();

    private static async Task<IResult> ReplaceAttributesAsync(string id, AttributesRequest request, IGrainFactory grains, HttpContext context)
    {
        if (!CustomerIds.IsValid(id))
        {
            return CustomerNotFound();
        }

        if (request.Attributes is null)
        {
            return Problems.Invalid("attributes", "is required: an object mapping attribute names to values");
        }

        if (request.Attributes.FirstOrDefault(pair => pair.Value is null) is { Key: { } removed })
        {
            return Problems.Invalid(removed.Length <= ProfileRules.MaxAttributeNameLength ? $"attributes.{removed}" : "attributes", "must not be null here: PUT replaces the whole set, leave the attribute out to remove it");
        }

        var attributes = request.Attributes.ToDictionary(pair => pair.Key, pair => pair.Value!);
        return Results.Ok(Attributes(await Customer(grains, context, id).ReplaceAttributes(attributes, context.User.Actor()), id));
    }

    private static async Task<IResult> ChangeAttributesAsync(string id, AttributesRequest request, IGrainFactory grains, HttpContext context)
    {
        if (!CustomerIds.IsValid(id))
        {
            return CustomerNotFound();
        }

        return request.Attributes is null
            ? Problems.Invalid("attributes", "is required: an object mapping attribute names to values, null to remove one")
            : Results.Ok(Attributes(await Customer(grains, context, id).SetAttributes(request.Attributes, context.User.Actor()), id));
    }

    private static async Task<IResult> RemoveAttributeAsync(string id, string key, IGrainFactory grains, HttpContext context)
    {
        if (!CustomerIds.IsValid(id) || await Customer(grains, context, id).Get() is not { } customer)
        {
            return CustomerNotFound();
        }

        if (!customer.Attributes.ContainsKey(key))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Attribute not found", detail: "The customer has no attribute of this name.");
        }

        var changed = await Customer(grains, context, id).SetAttributes(new Dictionary<string, AttributeValue?> { [key] = null }, context.User.Actor());
        return Results.Ok(Attributes(changed, id));
    }

    private static async Task<IResult> EditNoteAsync(string id, string noteId, NoteRequest request, IGrainFactory grains, HttpContext context) =>
        CustomerIds.IsValid(id)
            ? Results.Ok(await Customer(grains, context, id).EditNote(noteId, request.Text ?? string.Empty, context.User.Actor()))
            : CustomerNotFound();

    private static async Task<IResult> DeleteNoteAsync(string id, string noteId, IGrainFactory grains, HttpContext context)
    {
        if (!CustomerIds.IsValid(id))
        {
            return CustomerNotFound();
        }

        await Customer(grains, context, id).DeleteNote(noteId, context.User.Actor());
        return Results.NoContent();
    }

    private static CustomerAttributesResponse Attributes(CustomerView customer, string requestedId) =>
        new(customer.Id, MergedInto(customer, requestedId), customer.Attributes);

    private static CustomerOrdersResponse Orders(CustomerView customer, string requestedId) => new(
        customer.Id,
        MergedInto(customer, requestedId),
        customer.Orders,
        customer.LifetimeValue,
        customer.RecentOrders,
        customer.RecentOrders
            .Where(order => order.RefundedAt is not null)
            .Select(order => new RefundItem(order.Id, order.Amount, order.Currency, order.RefundedAt!.Value))
            .ToArray());

    private static string? MergedInto(CustomerView customer, string requestedId) => customer.Id == requestedId ? null : customer.Id;

    private static IResult CustomerNotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found", detail: "No customer with this id exists in this workspace.");

    private static ICustomerGrain Customer(IGrainFactory grains, HttpContext context, string id) =>
        grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(context.User.WorkspaceId(), id));
}
