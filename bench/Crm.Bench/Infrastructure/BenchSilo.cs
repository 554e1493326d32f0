using Crm.Silo.Hosting;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace Crm.Bench.Infrastructure;

/// <summary>
/// An Orleans silo co-hosted in this process as the service hosts its own: localhost clustering on free ports, the
/// group-commit storage over <paramref name="storage"/> as the default grain storage, calls through the silo's own
/// <see cref="IGrainFactory"/>. The caller owns the store and disposes it after the silo.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <param name="configure">More of the silo, such as another grain storage to compare with.</param>
    public static async Task<BenchSilo> StartAsync(IStateStorage storage, Action<StateModel> describeStates, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(storage);
        builder.UseOrleans(silo =>
        {
            silo.UseOneNodeCluster(ClusterSettings.AnyFreePorts);
            silo.UseInMemoryReminderService();
            silo.AddCrmStorage(new SiloOptions(), describeStates);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
