using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Infrastructure;

/// <summary>The real service on Kestrel, bound to 127.0.0.1 on a port the OS picks.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningService(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<RunningService> StartAsync(params string[] settings)
    {
        var app = CrmApplication.Build(["--urls", "http://127.0.0.1:0", .. settings]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningService(app, new Uri(address));
    }

    public static Task<RunningService> StartOnPostgresAsync(string connectionString, params string[] settings) =>
        StartAsync(["--Storage:Provider=Postgres", $"--ConnectionStrings:Crm={connectionString}", .. settings]);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
