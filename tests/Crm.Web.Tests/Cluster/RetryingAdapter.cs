using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Web.Tests.Durability;

namespace Crm.Web.Tests.Cluster;

/// <summary>
/// A channel adapter in front of a cluster: posts its events in batches to the nodes in turn and, when a node is down,
/// cut off mid-request or answers 503, posts the same batch to the next one. Any other answer is a problem.
/// </summary>
/// <param name="pause">Time between acknowledged batches, to spread the load over a span of time.</param>
public sealed class RetryingAdapter(IReadOnlyList<PlannedEvent> events, AckLedger ledger, int batchSize, int firstNode, TimeSpan pause)
{
    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    public async Task RunAsync(ClusterNodes nodes, CancellationToken cancellationToken)
    {
        var node = firstNode;
        while (events.Where(e => !ledger.IsAcknowledged(e.Id)).Take(batchSize).ToArray() is { Length: > 0 } batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            node = (node + 1) % nodes.Count;
            if (nodes.ClientOf(node) is not { } client)
            {
                await Task.Delay(20, cancellationToken);
                continue;
            }

            try
            {
                using var response = await client.PostAsJsonAsync("/api/v1/events", new { events = batch }, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    await RetryLaterAsync(cancellationToken);
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"POST /api/v1/events answered {(int)response.StatusCode}: {body}");
                }

                ledger.Record(batch, JsonDocument.Parse(body).RootElement);
                await Task.Delay(pause, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await RetryLaterAsync(cancellationToken);
            }
        }
    }

    private async Task RetryLaterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _retries);
        await Task.Delay(50, cancellationToken);
    }
}
