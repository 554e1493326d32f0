using Crm.Silo.Storage;
using Crm.Testing;

namespace Crm.Silo.Tests.Storage;

public sealed class PostgresStateConflictTests(PostgresTestDatabase database) : StateConflictTests, IClassFixture<PostgresTestDatabase>
{
    protected override IStateStorage CreateInstance() => new PostgresStateStorage(database.ConnectionString);
}
