using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Web.Tests.Durability;

/// <summary>
/// A channel adapter: posts its events in batches, in order, and keeps posting whatever the service has not acknowledged.
/// A request the SIGKILL cuts off leaves its events unacknowledged, to be retried once the service is back.
/// </summary>
public sealed class ChannelAdapter(IReadOnlyList<PlannedEvent> events, AckLedger ledger, int batchSize)
{
    private int _cutOff;

    /// <summary>Requests that were in flight when the service was killed.</summary>
    public int CutOffRequests => Volatile.Read(ref _cutOff);

    /// <summary>Posts until every event is acknowledged, or until the service is killed under it.</summary>
    public async Task RunAsync(ServiceProcess service, HttpClient client)
    {
        while (events.Where(e => !ledger.IsAcknowledged(e.Id)).Take(batchSize).ToArray() is { Length: > 0 } batch)
        {
            JsonElement response;
            try
            {
                response = await PostAsync(client, batch);
            }
            catch (Exception exception) when (service.Killed && exception is HttpRequestException or TaskCanceledException or IOException or JsonException)
            {
                Interlocked.Increment(ref _cutOff);
                return;
            }

            ledger.Record(batch, response);
        }
    }

    /// <summary>One batch; anything but 200 from a running service fails the test with the service's answer.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, IReadOnlyList<PlannedEvent> batch)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/events", new { events = batch });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST /api/v1/events answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement;
    }
}
