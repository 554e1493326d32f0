using Crm.Grains.Validation;
using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Customers;

/// <summary>
/// What became of an event and which customer holds it (the survivor, when the addressed customer was merged); a
/// rejected event carries the rule it broke.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.EventReceipt")]
public sealed record EventReceipt(EventOutcome Outcome, string CustomerId, ValidationError? Error = null);
