using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Grains.Access;
using Orleans;
using Crm.Web.Access;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Crm.Web.Demo;

/// <summary>
/// Keeps events flowing so the dashboard moves: posts <see cref="DemoOptions.EventsPerSecond"/> events a second to the
/// service's own <c>POST /api/v1/events</c>, as a channel adapter would, with a channel key it creates at start and revokes
/// at stop. Starts after demo seeding when there is one. A refused or failed post is logged and traffic goes on.
/// </summary>
public sealed partial class DemoTraffic(
    DemoOptions options,
    IGrainFactory grains,
    IServer server,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<DemoTraffic> logger,
    DemoSeeder? seeder = null) : BackgroundService
{
    public const string KeyName = "demo traffic";

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private long _posted;

    /// <summary>Events the service has answered for so far.</summary>
    public long Posted => Interlocked.Read(ref _posted);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ApplicationStart.WaitAsync(lifetime, stoppingToken);
            if (seeder is not null)
            {
                await seeder.Completion.ContinueWith(_ => { }, stoppingToken, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            var access = grains.GetGrain<IWorkspaceAccessGrain>(BootstrapWorkspace.DefaultWorkspace);
            var issued = await access.CreateKey(KeyRole.Channel, KeyName);
            try
            {
                await PostAsync(issued.Secret, stoppingToken);
            }
            finally
            {
                await access.RevokeKey(issued.Key.Id);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PostAsync(string key, CancellationToken stoppingToken)
    {
        using var http = new HttpClient { BaseAddress = OwnAddress() };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var events = new DemoTrafficEvents(options, Guid.NewGuid().ToString("N")[..8]);
        using var timer = new PeriodicTimer(Tick);
        var owed = 0.0;
        var last = Stopwatch.GetTimestamp();
        var lastReport = last;
        Started(options.EventsPerSecond, http.BaseAddress!);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Stopwatch.GetTimestamp();
            // What a slow answer left owed is capped at two seconds' worth, so traffic never bursts to catch up.
            owed = Math.Min(owed + (options.EventsPerSecond * Stopwatch.GetElapsedTime(last, now).TotalSeconds), Math.Max(1, options.EventsPerSecond * 2));
            last = now;
            var count = (int)Math.Min(Math.Floor(owed), Ingest.EventEndpoints.MaxEventsPerRequest - 1);
            if (count == 0)
            {
                continue;
            }

            owed -= count;
            var batch = events.Next(count, clock.GetUtcNow());
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/events", new { events = batch }, Json, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref _posted, batch.Count);
                }
                else
                {
                    Refused((int)response.StatusCode);
                }
            }
            catch (HttpRequestException exception)
            {
                Unreachable(exception.Message);
            }

            if (Stopwatch.GetElapsedTime(lastReport) >= ReportEvery)
            {
                lastReport = Stopwatch.GetTimestamp();
                Progress(Posted);
            }
        }
    }

    /// <summary>The first address the server listens on, preferring plain HTTP; a wildcard host is reached on loopback.</summary>
    private Uri OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(BindingAddress.Parse).ToArray() ?? [];
        var address = addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("demo traffic needs the service to listen on an address");
        var host = address.Host is "+" or "*" or "0.0.0.0" or "[::]" ? "127.0.0.1" : address.Host;
        return new Uri($"{address.Scheme}://{host}:{address.Port}");
    }

    [LoggerMessage(1, LogLevel.Information, "Demo traffic: posting {EventsPerSecond} events a second to {Address}")]
    private partial void Started(double eventsPerSecond, Uri address);

    [LoggerMessage(2, LogLevel.Information, "Demo traffic: {Posted} events posted")]
    private partial void Progress(long posted);

    [LoggerMessage(3, LogLevel.Warning, "Demo traffic: the service answered {Status}")]
    private partial void Refused(int status);

    [LoggerMessage(4, LogLevel.Warning, "Demo traffic: the service is unreachable: {Reason}")]
    private partial void Unreachable(string reason);
}
