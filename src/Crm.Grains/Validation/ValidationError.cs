using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Validation;

/// <summary>A broken input rule: the field (as the API names it, camelCase, dotted for nesting) and the rule.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.ValidationError")]
public sealed record ValidationError(string Field, string Rule)
{
    public override string ToString() => $"{Field}: {Rule}";
}
