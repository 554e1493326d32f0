namespace Crm.Web.Demo;

public static class DemoRegistration
{
    /// <summary>Reads the demo options and, when asked for, adds the seeder and the live traffic generator as hosted services.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var options = DemoOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.Customers > 0)
        {
            builder.Services.AddSingleton<DemoSeeder>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<DemoSeeder>());
        }

        if (options.EventsPerSecond > 0)
        {
            builder.Services.AddSingleton<DemoTraffic>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<DemoTraffic>());
        }

        return builder;
    }
}
