using System.Text;
using System.Text.Json;

namespace Crm.Grains.Intents;

/// <summary>The labelled messages shipped with the text model, and their fixed split into training and held-out examples.</summary>
public sealed class IntentDataset
{
    private const string ResourceName = "Crm.Grains.Intents.intent-examples.jsonl";

    /// <summary>One example in five is held out.</summary>
    private const uint HeldOutOneIn = 5;

    private IntentDataset(IReadOnlyList<IntentExample> examples)
    {
        Examples = examples;
        Training = examples.Where(e => !IsHeldOut(e.Id)).ToList();
        HeldOut = examples.Where(e => IsHeldOut(e.Id)).ToList();
    }

    public IReadOnlyList<IntentExample> Examples { get; }

    public IReadOnlyList<IntentExample> Training { get; }

    /// <summary>Examples the quality gate evaluates on; a model measured on them must not have been trained on them.</summary>
    public IReadOnlyList<IntentExample> HeldOut { get; }

    public static IntentDataset LoadEmbedded()
    {
        using var stream = typeof(IntentDataset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourceName}' is missing from {typeof(IntentDataset).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>
    /// Decided by a hash of the id alone, so adding examples never moves an existing one across the split and leaks it
    /// into training. FNV-1a because <see cref="string.GetHashCode()"/> changes from one process to the next.
    /// </summary>
    private static bool IsHeldOut(string id)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash % HeldOutOneIn == 0;
    }

    private static IntentDataset Parse(TextReader reader)
    {
        var examples = new List<IntentExample>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var parsed = JsonSerializer.Deserialize(line, IntentDatasetJsonContext.Default.IntentExampleLine)
                    ?? throw new FormatException("line is null");
                examples.Add(new IntentExample(parsed.Id, parsed.Text, IntentLabels.Parse(parsed.Intent), parsed.Register, parsed.Ambiguous));
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new InvalidDataException($"{ResourceName} line {lineNumber}: {e.Message}", e);
            }
        }

        return new IntentDataset(examples);
    }
}
