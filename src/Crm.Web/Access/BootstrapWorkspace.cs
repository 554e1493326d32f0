using Crm.Grains.Access;
using Orleans;

namespace Crm.Web.Access;

/// <summary>
/// Makes sure the default workspace exists at start: with the admin key from <c>CRM_BOOTSTRAP_KEY</c> when it is set,
/// otherwise, on the very first start, with a new admin key printed once.
/// </summary>
public sealed partial class BootstrapWorkspace(IGrainFactory grains, IConfiguration configuration, ILogger<BootstrapWorkspace> logger) : IHostedService
{
    public const string DefaultWorkspace = "default";
    public const string BootstrapKeyVariable = "CRM_BOOTSTRAP_KEY";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var access = grains.GetGrain<IWorkspaceAccessGrain>(DefaultWorkspace);
        if (configuration[BootstrapKeyVariable] is { Length: > 0 } configured)
        {
            await access.EnsureAdminKey(configured);
            return;
        }

        if (await access.Initialize(adminSecret: null) is { } issued)
        {
            // Printed straight to the console rather than logged: logs are shipped and kept, the key must not be.
            Console.WriteLine($"Crm created the workspace '{DefaultWorkspace}'. Its admin key, shown once: {issued.Secret}");
            Created(DefaultWorkspace);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "Created workspace {Workspace} with a new admin key (printed to the console once)")]
    private partial void Created(string workspace);
}
