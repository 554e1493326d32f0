using Crm.Bench.Ingest;
using Crm.Grains.Customers;
using Crm.Grains.Workspaces;
using Crm.Web.Access;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Crm.Bench.Cluster;

/// <summary>
/// Which silo each customer grain is active on, asked of Orleans' management grain through one node's own
/// <see cref="IGrainFactory"/> (<see cref="IManagementGrain.GetActivationAddress"/>, a directory lookup that activates
/// nothing). Null for a customer with no activation.
/// </summary>
public static class CustomerLocations
{
    public static async Task<IReadOnlyDictionary<string, SiloAddress?>> FindAsync(EngineService node, IEnumerable<string> customerIds)
    {
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, SiloAddress?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(customerIds.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
        {
            var customer = grains.GetGrain<ICustomerGrain>(WorkspaceKeys.Compose(BootstrapWorkspace.DefaultWorkspace, id));
            found[id] = await management.GetActivationAddress(customer);
        });
        return found;
    }

    /// <summary>The silo of <paramref name="node"/>'s own Orleans runtime.</summary>
    public static SiloAddress SiloOf(EngineService node) => node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
}
