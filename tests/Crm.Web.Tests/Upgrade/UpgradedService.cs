using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Upgrade;

/// <summary>The new service on the restored fixture, started once for the tests that only read.</summary>
public sealed class UpgradedService : IAsyncLifetime
{
    private RestoredDatabase? _database;
    private RunningService? _service;

    public StoredIds Ids => _database!.Ids;

    public RunningService Service => _service!;

    public async Task InitializeAsync()
    {
        _database = await RestoredDatabase.RestoreAsync();
        _service = await _database.StartServiceAsync();
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _database?.Dispose();
    }
}
