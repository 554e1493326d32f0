namespace Crm.Grains.ReadModel;

/// <summary>Two customers that claim one channel identity: recorded for an agent to merge or dismiss, never merged silently.</summary>
public sealed record DuplicateSuggestionRow(string Workspace, string CustomerId, string OtherCustomerId, string Channel, string Value, DateTimeOffset At);
