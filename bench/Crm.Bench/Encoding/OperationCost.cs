namespace Crm.Bench.StateEncoding;

/// <summary>What one call of an operation costs: the median round's microseconds, and bytes allocated on average over every round.</summary>
public readonly record struct OperationCost(double Microseconds, double AllocatedBytes);
