using Crm.Grains.Customers;
using Crm.Grains.Ingest;
using Crm.Silo;
using Crm.Silo.Hosting;
using Crm.Silo.Runtime;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>A real silo with the CRM grains, on memory storage unless a test passes another, and a clock the test controls.</summary>
public sealed class CrmSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private CrmSilo(ServiceProvider services, IGrainStorage storage)
    {
        _services = services;
        Storage = storage;
        Runtime = services.GetRequiredService<SiloRuntime>();
    }

    public SiloRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    public IGrainStorage Storage { get; }

    public ManualClock Clock => (ManualClock)_services.GetRequiredService<TimeProvider>();

    public RecordingChangeSink Changes => (RecordingChangeSink)_services.GetRequiredService<ICustomerChangeSink>();

    public static async Task<CrmSilo> StartAsync(IGrainStorage? storage = null, Action<IServiceCollection>? services = null)
    {
        storage ??= new MemoryGrainStorage();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(new ManualClock(Start));
        collection.AddSingleton<ICustomerChangeSink, RecordingChangeSink>();
        services?.Invoke(collection);
        collection.AddCrmGrainServices();
        collection.AddSilo(silo => silo.AddCrmGrains().UseStorage(storage));
        var silo = new CrmSilo(collection.BuildServiceProvider(), storage);
        await silo.Runtime.StartAsync(CancellationToken.None);
        return silo;
    }

    /// <summary>Sends one event through the ingest path, asserts it was accepted and returns the customer that holds it.</summary>
    public async Task<string> SendAsync(string workspace, EngagementEvent @event)
    {
        var result = await new EventIngestor(Grains).IngestAsync(workspace, @event);
        Assert.Equal(IngestStatus.Accepted, result.Status);
        return result.CustomerId!;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
