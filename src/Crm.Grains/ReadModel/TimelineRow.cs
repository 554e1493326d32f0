using Orleans;

namespace Crm.Grains.ReadModel;

/// <summary>
/// One entry of a customer's timeline: append-only, numbered per customer, newest read first. It also travels between
/// nodes to the dashboards following the customer.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("crm.TimelineRow")]
public sealed record TimelineRow(
    [property: Id(0)] string Workspace,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Kind,
    [property: Id(5)] string Actor,
    [property: Id(6)] string Summary);
