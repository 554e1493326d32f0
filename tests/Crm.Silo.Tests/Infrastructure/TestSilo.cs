using Crm.Silo.Hosting;
using Crm.Silo.Storage;
using Crm.Silo.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.TestingHost;

namespace Crm.Silo.Tests.Infrastructure;

/// <summary>
/// A real Orleans silo for one test (a one-silo <see cref="InProcessTestCluster"/>) with the test grains, over the storage
/// the test gives it, which the silo owns from then on. Two of them over one store behave like two processes sharing a database.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private TestSilo(InProcessTestCluster cluster, IStateStorage storage)
    {
        _cluster = cluster;
        Storage = storage;
    }

    public IStateStorage Storage { get; }

    public IGrainFactory Grains => Service<IGrainFactory>();

    public T Service<T>() where T : notnull => _cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    public static async Task<TestSilo> StartAsync(IStateStorage storage, SiloOptions? options = null, Action<IServiceCollection>? services = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<Probe>();
            silo.Services.AddSingleton(storage);
            services?.Invoke(silo.Services);
            silo.AddCrmStorage(options ?? new SiloOptions(), states => states
                .AddJsonContracts(TestJsonContext.Default)
                .AddRowWriter(new NoteRowWriter()));
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await storage.DisposeAsync();
            throw;
        }

        return new TestSilo(cluster, storage);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
