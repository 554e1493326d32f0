using Crm.Grains.Customers;
using Crm.Grains.Workspaces;
using Crm.Silo;
using Crm.Web.Access;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Crm.Web.Customers;

public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").RequireAuthorization(CrmPolicies.Agent).WithTags("Customers");
        customers.MapGet("/{id}", GetAsync);
        return api;
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
