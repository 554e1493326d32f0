using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Customers;

/// <summary>What became of an event and which customer holds it (the survivor, when the addressed customer was merged).</summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.EventReceipt")]
public sealed record EventReceipt(EventOutcome Outcome, string CustomerId);
