using Orleans;

namespace Crm.Grains.Customers;

/// <summary>Everything the customer grain holds about one person, for a GDPR access request; the service adds the timeline.</summary>
[GenerateSerializer]
[Alias("crm.CustomerExport")]
public sealed record CustomerExport(CustomerView Customer, IReadOnlyList<string> MergedCustomerIds, DateTimeOffset ExportedAt);
