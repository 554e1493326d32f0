using System.Text.Json.Serialization;

namespace Crm.Grains.Intents;

/// <summary>One line of <c>intent-examples.jsonl</c> or <c>intent-heldout.jsonl</c> as written; labels stay text until they are checked.</summary>
internal sealed record IntentExampleLine(string Id, string Intent, string Register, string Language, string Sentiment, string Text, bool Ambiguous = false);

/// <summary>Strict on purpose: a misspelt field or a missing value in the dataset should stop the load, not train on a gap.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IntentExampleLine))]
internal sealed partial class IntentDatasetJsonContext : JsonSerializerContext
{
}
