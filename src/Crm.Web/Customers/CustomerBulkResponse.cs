using System.Text.Json.Serialization;
using Crm.Grains.Serialization;

namespace Crm.Web.Customers;

[JsonConverter(typeof(SnakeCaseEnumConverter<BulkOutcome>))]
public enum BulkOutcome
{
    Updated,
    Unchanged,
    NotFound,
    Failed,
}

/// <summary>What a bulk action did to one customer; <see cref="Error"/> says why it failed and is left out otherwise.</summary>
public sealed record BulkCustomerResult(
    string Id,
    BulkOutcome Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

/// <summary>One result per customer, in the order of the request's ids (or of the list for a filter), and the count of each outcome.</summary>
public sealed record CustomerBulkResponse(IReadOnlyList<BulkCustomerResult> Results, int Updated, int Unchanged, int NotFound, int Failed)
{
    public static CustomerBulkResponse From(IReadOnlyList<BulkCustomerResult> results) => new(
        results,
        results.Count(result => result.Outcome == BulkOutcome.Updated),
        results.Count(result => result.Outcome == BulkOutcome.Unchanged),
        results.Count(result => result.Outcome == BulkOutcome.NotFound),
        results.Count(result => result.Outcome == BulkOutcome.Failed));
}
