using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Segments;

/// <summary>Why a rule was refused: the 1-based column where the problem starts and a message written for the agent who typed the rule.</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.RuleError")]
public sealed record RuleError(int Column, string Message)
{
    public override string ToString() => $"column {Column}: {Message}";
}
