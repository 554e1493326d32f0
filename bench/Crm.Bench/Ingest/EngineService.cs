using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Bench.Ingest;

/// <summary>The real service, in this process on Kestrel at 127.0.0.1 with PostgreSQL storage, as <c>dotnet run</c> starts it.</summary>
public sealed class EngineService : IAsyncDisposable
{
    /// <summary>The default workspace's admin key, the same on every node of a cluster.</summary>
    public const string AdminKey = "crm_bench-admin-key-for-the-default-workspace";

    private readonly WebApplication _app;

    private EngineService(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The node's services: its own Orleans silo's <c>IGrainFactory</c> among them.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="settings">More settings, such as the cluster id several nodes share.</param>
    public static async Task<EngineService> StartAsync(string connectionString, params string[] settings)
    {
        var app = CrmApplication.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Cluster:SiloPort=0", "--Cluster:GatewayPort=0", "--Storage:Provider=Postgres", $"--ConnectionStrings:Crm={connectionString}",
            $"--CRM_BOOTSTRAP_KEY={AdminKey}", "--Logging:LogLevel:Default=Warning", .. settings,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EngineService(app, new Uri(address));
    }

    /// <summary>A channel key, the kind adapters post with.</summary>
    public async Task<string> CreateChannelKeyAsync()
    {
        using var admin = new HttpClient { BaseAddress = Address };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/keys", new { role = "channel", name = "bench adapters" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
