using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Grains.Customers;

namespace Crm.Web.Customers;

/// <summary>
/// The profile as the API returns it: the customer's fields, plus <c>mergedInto</c> when the id asked for was merged and this
/// is its survivor (the body is the survivor's; the service answers 200, not a redirect).
/// </summary>
public static class CustomerResponse
{
    public static JsonObject From(CustomerView customer, string requestedId, JsonSerializerOptions json)
    {
        var body = JsonSerializer.SerializeToNode(customer, json)!.AsObject();
        body["mergedInto"] = customer.Id == requestedId ? null : customer.Id;
        return body;
    }
}
