namespace Crm.Grains.ReadModel;

/// <summary>Moves a merged customer's timeline under its survivor, renumbered after the survivor's own entries.</summary>
public sealed record TimelineMove(string Workspace, string FromCustomerId, string ToCustomerId, long SequenceOffset);
