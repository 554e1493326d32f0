using Microsoft.Extensions.Configuration;

namespace Crm.Silo.Storage;

/// <summary>Bound from the <c>Storage</c> configuration section; the connection string comes from <c>ConnectionStrings:Crm</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "Crm";
    public const string DefaultSqliteConnectionString = "Data Source=data/crm.db";

    public StorageProviderKind Provider { get; set; } = StorageProviderKind.Sqlite;

    /// <summary>Reads the <c>Storage</c> section and <c>ConnectionStrings:Crm</c>.</summary>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.ConnectionString ??= configuration.GetConnectionString(ConnectionStringName);
        return options;
    }

    public string? ConnectionString { get; set; }

    /// <summary>The connection string in force: the configured one, or the embedded SQLite file for the default provider.</summary>
    public string ResolveConnectionString() => Provider switch
    {
        StorageProviderKind.Memory => string.Empty,
        StorageProviderKind.Sqlite => string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString,
        StorageProviderKind.Postgres => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Crm is not set.")
            : ConnectionString,
        _ => throw new InvalidOperationException($"Unknown storage provider '{Provider}'."),
    };
}
