using Crm.Grains.Ingest;
using Crm.Web.Access;
using System.Globalization;
using Crm.Web.Errors;
using Crm.Web.Limits;
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
    /// posted, in one turn of its customer and one commit (so a repeated id is the duplicate, not the original); different
    /// senders run concurrently and storage groups their writes. Past what this node can acknowledge promptly the request
    /// is shed before anything is applied (<see cref="IngestAdmission"/>).
    /// </summary>
    private static async Task<IResult> IngestAsync(EventBatchRequest batch, EventIngestor ingestor, IngestAdmission admission, HttpContext context)
    {
        if (batch.Events is null || batch.Events.Count == 0)
        {
            return Problems.Invalid("events", "must list at least one event");
        }

        if (batch.Events.Count > MaxEventsPerRequest)
        {
            return Problems.Invalid("events", $"must list at most {MaxEventsPerRequest} events per request");
        }

        var results = new EventResult[batch.Events.Count];
        var mapped = new List<EngagementEvent>(batch.Events.Count);
        var positions = new List<int>(batch.Events.Count);
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var request = batch.Events[i];
            if (request is null)
            {
                results[i] = new EventResult(null, "rejected", Error: new EventError("event", "must be an object"));
                continue;
            }

            var (@event, error) = EventMapping.Map(request);
            if (@event is null)
            {
                results[i] = new EventResult(request.Id, "rejected", Error: new EventError(error!.Field, error.Rule));
                continue;
            }

            mapped.Add(@event);
            positions.Add(i);
        }

        using var admitted = mapped.Count == 0 ? null : await admission.AdmitAsync(mapped.Count, context.RequestAborted);
        if (admitted is null && mapped.Count > 0)
        {
            return Shed(context, admission);
        }

        var ingested = await ingestor.IngestManyAsync(context.User.WorkspaceId(), mapped);
        for (var j = 0; j < ingested.Length; j++)
        {
            var id = batch.Events[positions[j]]!.Id;
            results[positions[j]] = ingested[j].Status switch
            {
                IngestStatus.Accepted => new EventResult(id, "accepted", ingested[j].CustomerId),
                IngestStatus.Duplicate => new EventResult(id, "duplicate", ingested[j].CustomerId),
                _ => new EventResult(id, "rejected", Error: new EventError(ingested[j].Error!.Field, ingested[j].Error!.Rule)),
            };
        }

        return Results.Ok(new EventBatchResponse(results));
    }

    private static IResult Shed(HttpContext context, IngestAdmission admission)
    {
        context.Response.Headers.RetryAfter = ((int)admission.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Overloaded",
            detail: "This node has more events waiting than it can acknowledge promptly, so none of this request's events was applied. Retry after the time given (event ids make retries safe).");
    }
}
