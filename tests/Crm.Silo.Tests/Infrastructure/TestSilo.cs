using Crm.Silo.Hosting;
using Crm.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Silo.Tests.Infrastructure;

/// <summary>A real silo for one test: memory storage unless the test picks another, started and stopped with the test.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestSilo(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<SiloRuntime>();
    }

    public SiloRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TestSilo> StartAsync(Action<SiloOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<Probe>();
        services?.Invoke(collection);
        collection.AddSilo(silo =>
        {
            silo.AddGrainsFromAssembly(typeof(TestSilo).Assembly);
            silo.AddJsonContracts(TestJsonContext.Default);
            configure?.Invoke(silo);
        });
        var silo = new TestSilo(collection.BuildServiceProvider());
        await silo.Runtime.StartAsync(CancellationToken.None);
        return silo;
    }

    public Task StopAsync() => Runtime.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
    }
}
