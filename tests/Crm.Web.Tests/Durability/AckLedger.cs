using System.Collections.Concurrent;
using System.Text.Json;

namespace Crm.Web.Tests.Durability;

/// <summary>
/// What the service acknowledged, as the adapters saw it: an event counts as acknowledged only when its request answered
/// 200 and its own result said accepted or duplicate. Every acknowledgement is a promise the database is held to.
/// </summary>
public sealed class AckLedger
{
    private readonly ConcurrentDictionary<string, Acknowledgement> _acks = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private int _accepted;
    private int _duplicates;

    public int Count => _acks.Count;

    /// <summary>Answers "accepted": applied by this request.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Answers "duplicate": applied before, by a request whose answer the adapter may never have seen.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Rejections and answers that contradict an earlier one; a correct service leaves this empty.</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public bool IsAcknowledged(string eventId) => _acks.ContainsKey(eventId);

    public Acknowledgement Of(string eventId) => _acks[eventId];

    public void Record(IReadOnlyList<PlannedEvent> batch, JsonElement response)
    {
        var results = response.GetProperty("results");
        if (results.GetArrayLength() != batch.Count)
        {
            _problems.Enqueue($"{batch.Count} events posted, {results.GetArrayLength()} results");
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var result = results[i];
            var status = result.GetProperty("status").GetString();
            if (result.GetProperty("id").GetString() != batch[i].Id || status is not ("accepted" or "duplicate"))
            {
                _problems.Enqueue($"{batch[i].Id}: {result}");
                continue;
            }

            Interlocked.Increment(ref status == "accepted" ? ref _accepted : ref _duplicates);
            var ack = new Acknowledgement(status, result.GetProperty("customerId").GetString()!);
            var first = _acks.GetOrAdd(batch[i].Id, ack);
            if (first.CustomerId != ack.CustomerId)
            {
                _problems.Enqueue($"{batch[i].Id} was acknowledged for customer {first.CustomerId}, later for {ack.CustomerId}");
            }
        }
    }
}

public sealed record Acknowledgement(string Status, string CustomerId);
