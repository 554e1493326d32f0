using System.Globalization;
using Crm.Grains.Customers;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Validation;
using Crm.Grains.Workspaces;
using Orleans;
using Orleans.Runtime;
using Crm.Web.Access;
using Crm.Web.Errors;

namespace Crm.Web.Customers;

/// <summary>
/// <c>POST /customers/bulk</c>: one action on many customers with an outcome per customer. Everything in the request is
/// checked before any customer changes; a filter that selects more than <see cref="MaxCustomersPerRequest"/> customers is
/// refused rather than cut short, so a request covers every customer it selects or is refused whole.
/// </summary>
public static class CustomerBulkEndpoints
{
    public const int MaxCustomersPerRequest = 1_000;

    /// <summary>Customers changed at once: enough to fill group-commit batches, few enough not to crowd out other requests.</summary>
    public const int MaxConcurrentCustomers = 16;

    private static readonly string Limit = MaxCustomersPerRequest.ToString("N0", CultureInfo.InvariantCulture);

    public static RouteGroupBuilder MapCustomerBulkEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/customers/bulk", BulkAsync).RequireAuthorization(CrmPolicies.Agent).WithTags("Customers");
        return api;
    }

    private static async Task<IResult> BulkAsync(CustomerBulkRequest request, IGrainFactory grains, ICustomerListQueries queries, ILoggerFactory loggers, HttpContext context)
    {
        var workspace = context.User.WorkspaceId();
        var (action, actionError) = await CustomerBulkAction.ParseAsync(request, grains.GetGrain<ISegmentCatalogGrain>(workspace));
        if (actionError is not null)
        {
            return Problems.Invalid(actionError);
        }

        var (ids, selectionError) = await SelectAsync(request, workspace, queries, context.RequestAborted);
        if (selectionError is not null)
        {
            return Problems.Invalid(selectionError);
        }

        var logger = loggers.CreateLogger(typeof(CustomerBulkEndpoints));
        var actor = context.User.Actor();
        var results = new BulkCustomerResult[ids!.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCustomers, CancellationToken = context.RequestAborted },
            async (index, _) => results[index] = await RunAsync(grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(workspace, ids[index])), ids[index], action!, actor, logger));
        return Results.Ok(CustomerBulkResponse.From(results));
    }

    /// <summary>The ids of the customers the request selects, each once, or why they cannot be selected.</summary>
    private static async Task<(IReadOnlyList<string>? Ids, ValidationError? Error)> SelectAsync(
        CustomerBulkRequest request, string workspace, ICustomerListQueries queries, CancellationToken cancellationToken)
    {
        if ((request.Ids is null) == (request.Filter is null))
        {
            return (null, new ValidationError("ids", "give exactly one of ids or filter"));
        }

        if (request.Ids is { } ids)
        {
            var invalid = ids.Select((id, index) => CustomerIds.IsValid(id) ? -1 : index).FirstOrDefault(index => index >= 0, -1);
            return ids.Count switch
            {
                0 => (null, new ValidationError("ids", "must list at least one customer id")),
                > MaxCustomersPerRequest => (null, new ValidationError("ids", $"must list at most {Limit} ids; split the work into several requests")),
                _ when invalid >= 0 => (null, new ValidationError("ids", $"item {invalid + 1} is not a customer id (32 lower-case hex digits)")),
                _ => (ids.Distinct(StringComparer.Ordinal).ToArray()!, null),
            };
        }

        var (query, filterError) = CustomerFilterJson.Parse("filter", request.Filter!);
        if (filterError is not null)
        {
            return (null, filterError);
        }

        var page = await queries.ListAsync(workspace, query!, null, MaxCustomersPerRequest + 1, cancellationToken);
        return page.Rows.Count > MaxCustomersPerRequest
            ? (null, new ValidationError("filter", $"selects more than {Limit} customers; narrow it, or send their ids in several requests"))
            : (page.Rows.Select(row => row.Id).ToArray(), null);
    }

    /// <summary>
    /// Reads the customer first and skips those already done, so a repeated request writes nothing. What one customer
    /// refuses or fails with is its own outcome and never stops the others.
    /// </summary>
    private static async Task<BulkCustomerResult> RunAsync(ICustomerGrain customer, string id, CustomerBulkAction action, string actor, ILogger logger)
    {
        try
        {
            var current = await customer.Get();
            if (current is null)
            {
                return new BulkCustomerResult(id, BulkOutcome.NotFound);
            }

            if (action.IsDone(current))
            {
                return new BulkCustomerResult(id, BulkOutcome.Unchanged);
            }

            await action.Apply(customer, actor);
            return new BulkCustomerResult(id, BulkOutcome.Updated);
        }
        catch (CustomerNotFoundException)
        {
            return new BulkCustomerResult(id, BulkOutcome.NotFound);
        }
        catch (DomainValidationException refused)
        {
            return new BulkCustomerResult(id, BulkOutcome.Failed, refused.Error.ToString());
        }
        catch (Exception failure) when (failure is SegmentNotFoundException or LimitExceededException)
        {
            return new BulkCustomerResult(id, BulkOutcome.Failed, failure.Message);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            logger.LogError(unexpected, "Bulk action on customer {CustomerId} failed", id);
            return new BulkCustomerResult(id, BulkOutcome.Failed, "the change failed; retry the request");
        }
    }
}
