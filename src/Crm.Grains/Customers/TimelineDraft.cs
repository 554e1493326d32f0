namespace Crm.Grains.Customers;

/// <summary>A timeline entry before the customer numbers it.</summary>
internal sealed record TimelineDraft(DateTimeOffset At, string Kind, string Actor, string Summary);
