namespace Crm.Web.Demo;

/// <summary>What one seeding did: events the engine accepted, ones it had applied before (a repeated seeding), and ones it refused.</summary>
public sealed record DemoSeedResult(int Customers, long Accepted, long Duplicates, long Rejected, TimeSpan Elapsed);
