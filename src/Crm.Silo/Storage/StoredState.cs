namespace Crm.Silo.Storage;

/// <summary>A stored state: its JSON and the version that serves as its ETag.</summary>
public sealed record StoredState(long Version, string Payload);
