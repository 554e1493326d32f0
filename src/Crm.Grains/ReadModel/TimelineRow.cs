namespace Crm.Grains.ReadModel;

/// <summary>One entry of a customer's timeline: append-only, numbered per customer, newest read first.</summary>
public sealed record TimelineRow(string Workspace, string CustomerId, long Sequence, DateTimeOffset At, string Kind, string Actor, string Summary);
