using Crm.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Crm.Web.Health;

/// <summary>Opens storage before the service accepts requests, so a wrong connection string stops start-up with its cause.</summary>
internal sealed class StorageStartupCheck(IOptions<StorageOptions> options, ILogger<StorageStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var server = await StorageConnectivity.DescribeServerAsync(options.Value, cancellationToken);
        logger.LogInformation("Storage {Provider} is ready: {Server}", options.Value.Provider, server);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
