namespace Crm.Silo.Storage;

public enum SqlDialect
{
    Postgres,
    Sqlite,
}
