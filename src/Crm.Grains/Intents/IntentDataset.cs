using System.Text;
using System.Text.Json;

namespace Crm.Grains.Intents;

/// <summary>
/// Labelled messages shipped with the text models: the training examples (<c>intent-examples.jsonl</c>), with a fixed
/// split into training and development examples for tuning, and the separate held-out set (<c>intent-heldout.jsonl</c>),
/// written by someone who had not seen the training examples, that the quality gates measure and no model trains on.
/// </summary>
public sealed class IntentDataset
{
    /// <summary>The languages every example is written in, as ISO 639-1 codes.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "pt", "fr"];

    private const string ExamplesResource = "Crm.Grains.Intents.intent-examples.jsonl";
    private const string HeldOutResource = "Crm.Grains.Intents.intent-heldout.jsonl";

    /// <summary>One example in five is kept for development.</summary>
    private const uint DevelopmentOneIn = 5;

    private IntentDataset(IReadOnlyList<IntentExample> examples)
    {
        Examples = examples;
        Training = examples.Where(e => !IsDevelopment(e.Id)).ToList();
        Development = examples.Where(e => IsDevelopment(e.Id)).ToList();
    }

    /// <summary>Every shipped training example: what the shipped models learn from.</summary>
    public IReadOnlyList<IntentExample> Examples { get; }

    public IReadOnlyList<IntentExample> Training { get; }

    /// <summary>Examples to tune on without touching the held-out set; a model measured on them must not have been trained on them.</summary>
    public IReadOnlyList<IntentExample> Development { get; }

    public static IntentDataset LoadEmbedded() => new(Load(ExamplesResource));

    /// <summary>The held-out set: for measuring a model, never for training one.</summary>
    public static IReadOnlyList<IntentExample> LoadHeldOut() => Load(HeldOutResource);

    /// <summary>
    /// Decided by a hash of the id alone, so adding examples never moves an existing one across the split and leaks it
    /// into training. FNV-1a because <see cref="string.GetHashCode()"/> changes from one process to the next.
    /// </summary>
    private static bool IsDevelopment(string id)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash % DevelopmentOneIn == 0;
    }

    private static List<IntentExample> Load(string resource)
    {
        using var stream = typeof(IntentDataset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing from {typeof(IntentDataset).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader, resource);
    }

    private static List<IntentExample> Parse(TextReader reader, string resource)
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
                if (!Languages.Contains(parsed.Language))
                {
                    throw new FormatException($"'{parsed.Language}' is not one of the languages {string.Join(", ", Languages)}");
                }

                examples.Add(new IntentExample(
                    parsed.Id,
                    parsed.Text,
                    IntentLabels.Parse(parsed.Intent),
                    parsed.Register,
                    parsed.Language,
                    SentimentLabels.Parse(parsed.Sentiment),
                    parsed.Ambiguous));
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new InvalidDataException($"{resource} line {lineNumber}: {e.Message}", e);
            }
        }

        return examples;
    }
}
