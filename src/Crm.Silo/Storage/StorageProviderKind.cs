namespace Crm.Silo.Storage;

/// <summary>Where grain state lives. SQLite is the default so the service runs with no server to install.</summary>
public enum StorageProviderKind
{
    Sqlite,
    Postgres,
    Memory,
}
