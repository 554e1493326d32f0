using Crm.Silo.Runtime;
using Crm.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Registers the silo, its grains and storage: <see cref="IGrainFactory"/> for callers, start with the host,
    /// and a graceful stop that deactivates every activation and stores every queued write.
    /// Storage comes from the <c>Storage</c> configuration section and <c>ConnectionStrings:Crm</c>; limits from the <c>Silo</c> section.
    /// </summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder, Action<SiloOptions> configure)
    {
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(storage);
        var section = builder.Configuration.GetSection(SiloOptions.SectionName);
        builder.Services.AddSilo(silo =>
        {
            section.Bind(silo);
            silo.UseStorage(storage);
            configure(silo);
        });
        return builder;
    }

    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloOptions> configure)
    {
        var options = new SiloOptions();
        configure(options);
        services.AddSingleton(options);
        services.AddSingleton(provider => new SiloRuntime(options, provider, provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddSingleton<IGrainFactory>(provider => provider.GetRequiredService<SiloRuntime>());
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
