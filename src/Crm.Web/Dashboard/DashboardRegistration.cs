using Crm.Grains;
using Crm.Grains.Customers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Web.Dashboard;

public static class DashboardRegistration
{
    public const string HubPath = "/hubs/dashboard";

    /// <summary>Registers the hub and makes the dashboard feed the grains' change sink; call before the grain services.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<LocalListener>();
        services.AddSingleton<ListenerDirectory>();
        services.AddSingleton<DashboardFeed>();
        services.Replace(ServiceDescriptor.Singleton<ICustomerChangeSink>(provider => provider.GetRequiredService<DashboardFeed>()));
        services.AddNodeListener<DashboardConnections>();
        services.AddSingleton<DashboardPush>();
        services.AddSingleton<RemoteBatchReceiver>();
        services.AddSingleton<DashboardLeaseKeeper>();
        return services;
    }

    /// <summary>
    /// The lease keeper and the pump call grains: register them after the silo, so they start once it runs and stop
    /// before it does (hosted services stop in reverse order), and a stopping node can still leave the registries.
    /// </summary>
    public static IServiceCollection AddDashboardPush(this IServiceCollection services)
    {
        services.AddHostedService(provider => provider.GetRequiredService<DashboardLeaseKeeper>());
        services.AddHostedService<DashboardPump>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<DashboardHub>(HubPath);
        return endpoints;
    }
}
