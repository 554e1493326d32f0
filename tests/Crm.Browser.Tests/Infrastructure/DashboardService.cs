using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Crm.Browser.Tests.Infrastructure;

/// <summary>The real service on Kestrel with its own fresh PostgreSQL database, seeded with demo customers through the API.</summary>
public sealed class DashboardService : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private RunningService? _service;

    public RunningService Service => _service ?? throw new InvalidOperationException("The service has not started.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _service = await RunningService.StartOnPostgresAsync(_database.ConnectionString);
        using var admin = _service.ClientWith(RunningService.AdminKey);
        await DemoCustomers.SeedAsync(admin);
    }

    public Task RunAsync(string scenario, ITestOutputHelper log) => BrowserScenario.RunAsync(scenario, Service.Address, RunningService.AdminKey, log);

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
