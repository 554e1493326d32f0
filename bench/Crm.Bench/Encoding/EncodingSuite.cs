using System.Text.Json;
using Crm.Bench.Infrastructure;
using Crm.Grains.Customers;
using Crm.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

// Not Crm.Bench.Encoding, after the folder: that namespace would hide System.Text.Encoding from every other bench file.
namespace Crm.Bench.StateEncoding;

/// <summary>
/// What a customer state costs to encode and decode: the JSON the group-commit storage writes today (source-generated
/// contract, to a string as the storage does, and to UTF-8 bytes) beside Orleans' binary serializer, which the state's
/// <c>[GenerateSerializer]</c> attributes already allow. Microseconds and allocated bytes per call, and encoded size, for a
/// typical and a large customer. Ratios are json / orleans from the same interleaved rounds, the figures to trust on a
/// shared machine. A binary payload would also need a bytea column and would end SQL reads of the state (payload->>'phase'):
/// this suite only measures.
/// </summary>
public static class EncodingSuite
{
    public static Task<BenchReport> RunAsync(BenchSettings settings)
    {
        var report = new BenchReport("encoding", settings.Command);
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var orleans = services.GetRequiredService<Serializer<CustomerState>>();
        Measure("typical", SampleCustomerStates.Typical(), orleans, settings, report);
        Measure("large", SampleCustomerStates.Large(), orleans, settings, report);
        return Task.FromResult(report);
    }

    private static void Measure(string name, CustomerState state, Serializer<CustomerState> orleans, BenchSettings settings, BenchReport report)
    {
        var contract = GrainStateJsonContext.Default.CustomerState;
        var text = JsonSerializer.Serialize(state, contract);
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(state, contract);
        var binary = orleans.SerializeToArray(state);
        EnsureRoundTrips(text, JsonSerializer.Deserialize(text, contract)!, "JSON");
        EnsureRoundTrips(text, orleans.Deserialize(binary)!, "Orleans");

        var costs = InterleavedTimer.Measure(settings,
        [
            ("json_encode", () => JsonSerializer.Serialize(state, contract)),
            ("json_utf8_encode", () => JsonSerializer.SerializeToUtf8Bytes(state, contract)),
            ("orleans_encode", () => orleans.SerializeToArray(state)),
            ("json_decode", () => JsonSerializer.Deserialize(text, contract)!),
            ("json_utf8_decode", () => JsonSerializer.Deserialize(utf8, contract)!),
            ("orleans_decode", () => orleans.Deserialize(binary)!),
        ]);

        var shape = $"{state.Identities.Count} identities, {state.RecentConversations.Count} conversations, {state.RecentOrders.Count} orders, " +
            $"{state.Notes.Count} notes, {state.Attributes.Count} attributes";
        report.Add($"{name}.json_bytes", utf8.Length, "bytes", $"UTF-8, as the json column receives it; {shape}");
        report.Add($"{name}.orleans_bytes", binary.Length, "bytes");
        report.Add($"{name}.bytes_ratio_json_vs_orleans", utf8.Length / (double)binary.Length, "x");
        foreach (var (operation, cost) in costs)
        {
            report.Add($"{name}.{operation}_us", cost.Microseconds, "µs/call", NoteOf(operation));
            report.Add($"{name}.{operation}_alloc_bytes", cost.AllocatedBytes, "bytes/call");
        }

        report.Add($"{name}.encode_ratio_json_vs_orleans", costs["json_encode"].Microseconds / costs["orleans_encode"].Microseconds, "x", "string JSON / Orleans");
        report.Add($"{name}.decode_ratio_json_vs_orleans", costs["json_decode"].Microseconds / costs["orleans_decode"].Microseconds, "x", "string JSON / Orleans");
        report.Add($"{name}.encode_ratio_json_utf8_vs_orleans", costs["json_utf8_encode"].Microseconds / costs["orleans_encode"].Microseconds, "x", "UTF-8 JSON / Orleans");
        report.Add($"{name}.decode_ratio_json_utf8_vs_orleans", costs["json_utf8_decode"].Microseconds / costs["orleans_decode"].Microseconds, "x", "UTF-8 JSON / Orleans");
    }

    private static string NoteOf(string operation) => operation switch
    {
        "json_encode" => "JsonSerializer.Serialize to string, as the storage writes",
        "json_decode" => "from string, as the storage reads",
        "orleans_encode" => "Serializer<CustomerState>.SerializeToArray",
        _ => "",
    };

    /// <summary>
    /// A state decoded by either encoding must write the same JSON as the original, or one of them drops a member and the
    /// figures compare unequal work.
    /// </summary>
    private static void EnsureRoundTrips(string expected, CustomerState decoded, string encoding)
    {
        if (JsonSerializer.Serialize(decoded, GrainStateJsonContext.Default.CustomerState) != expected)
        {
            throw new InvalidOperationException($"a customer state decoded from {encoding} differs from the original: the benchmark is broken");
        }
    }
}
