namespace Crm.Grains.ReadModel;

/// <summary>Removes an erased customer's timeline and the duplicate suggestions naming it, in the erase's transaction.</summary>
public sealed record CustomerErasure(string Workspace, string CustomerId);
