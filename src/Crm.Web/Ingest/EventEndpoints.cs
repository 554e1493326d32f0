using Crm.Grains.Ingest;
using Crm.Web.Access;
using Crm.Web.Errors;
using Crm.Web.Upgrade;

namespace Crm.Web.Ingest;

public static class EventEndpoints
{
    public const int MaxEventsPerRequest = 1000;

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/events", IngestAsync).RequireAuthorization(CrmPolicies.Ingest).WithTags("Ingest").WaitsForIdentityUpgrade();
        return api;
    }

    /// <summary>
    /// Applies the batch and answers once every accepted event is durable. Events of one sender are applied in the order
    /// posted (so a repeated id is the duplicate, not the original); different senders run concurrently and storage groups
    /// their writes.
    /// </summary>
    private static async Task<IResult> IngestAsync(EventBatchRequest batch, EventIngestor ingestor, HttpContext context)
    {
        if (batch.Events is null || batch.Events.Count == 0)
        {
            return Problems.Invalid("events", "must list at least one event");
        }

        if (batch.Events.Count > MaxEventsPerRequest)
        {
            return Problems.Invalid("events", $"must list at most {MaxEventsPerRequest} events per request");
        }

        var workspace = context.User.WorkspaceId();
        var results = new EventResult[batch.Events.Count];
        var bySender = batch.Events
            .Select((request, index) => (request, index))
            .GroupBy(item => $"{item.request?.Channel}|{item.request?.Identity?.Trim().ToLowerInvariant()}");
        await Task.WhenAll(bySender.Select(async sender =>
        {
            foreach (var (request, index) in sender)
            {
                results[index] = await IngestOneAsync(ingestor, workspace, request);
            }
        }));
        return Results.Ok(new EventBatchResponse(results));
    }

    private static async Task<EventResult> IngestOneAsync(EventIngestor ingestor, string workspace, EventRequest? request)
    {
        if (request is null)
        {
            return new EventResult(null, "rejected", Error: new EventError("event", "must be an object"));
        }

        var (mapped, error) = EventMapping.Map(request);
        if (mapped is null)
        {
            return new EventResult(request.Id, "rejected", Error: new EventError(error!.Field, error.Rule));
        }

        var result = await ingestor.IngestAsync(workspace, mapped);
        return result.Status switch
        {
            IngestStatus.Accepted => new EventResult(request.Id, "accepted", result.CustomerId),
            IngestStatus.Duplicate => new EventResult(request.Id, "duplicate", result.CustomerId),
            _ => new EventResult(request.Id, "rejected", Error: new EventError(result.Error!.Field, result.Error.Rule)),
        };
    }
}
