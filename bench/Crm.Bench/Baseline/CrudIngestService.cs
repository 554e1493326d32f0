using System.Security.Cryptography;
using System.Text;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Bench.Baseline;

/// <summary>
/// The baseline service: the same <c>POST /api/v1/events</c> contract on Kestrel — bearer key, the same JSON, identities
/// normalized the same way, events of one sender in order and different senders concurrently, one outcome per event —
/// with <see cref="CrudEventStore"/> behind it instead of grains. The key is checked against its hash in memory, a
/// cost the engine's cached key lookup also keeps off the database.
/// </summary>
public sealed class CrudIngestService : IAsyncDisposable
{
    public const string Workspace = "default";

    private readonly WebApplication _app;
    private readonly CrudEventStore _store;

    private CrudIngestService(WebApplication app, CrudEventStore store, Uri address)
    {
        _app = app;
        _store = store;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<CrudIngestService> StartAsync(CrudEventStore store, string key)
    {
        var keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/v1/events", async (HttpContext context) =>
        {
            var presented = context.Request.Headers.Authorization.ToString();
            if (!presented.StartsWith("Bearer ", StringComparison.Ordinal)
                || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented[7..])), keyHash))
            {
                return Results.Unauthorized();
            }

            var batch = await context.Request.ReadFromJsonAsync<CrudBatch>(context.RequestAborted);
            if (batch?.Events is not { Count: > 0 and <= 1000 } events)
            {
                return Results.Problem(statusCode: 400, title: "events must list 1 to 1000 events");
            }

            var results = new CrudResult[events.Count];
            await Task.WhenAll(events
                .Select((e, index) => (e, index))
                .GroupBy(item => $"{item.e.Channel}|{item.e.Identity?.Trim().ToLowerInvariant()}")
                .Select(async sender =>
                {
                    foreach (var (e, index) in sender)
                    {
                        results[index] = await ApplyAsync(store, e);
                    }
                }));
            return Results.Ok(new { results });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new CrudIngestService(app, store, new Uri(address));
    }

    private static Task<CrudResult> ApplyAsync(CrudEventStore store, CrudEvent e)
    {
        if (string.IsNullOrEmpty(e.Id) || e.OccurredAt is null || !ChannelNames.TryParse(e.Channel, out var channel)
            || e.Type is not ("message_received" or "conversation_opened" or "conversation_closed" or "csat_submitted" or "order_placed" or "page_viewed"))
        {
            return Task.FromResult(new CrudResult(e.Id, "rejected"));
        }

        var identity = IdentityNormalizer.Normalize(channel, e.Identity, PhoneRegions.Default);
        var complete = e.Type switch
        {
            "message_received" or "conversation_opened" or "conversation_closed" => e.ConversationId is not null,
            "csat_submitted" => e.Score is >= 1 and <= 5,
            "order_placed" => e.OrderId is not null && e.Amount is >= 0 && e.Currency is { Length: 3 },
            _ => Uri.TryCreate(e.Url, UriKind.Absolute, out _),
        };
        return identity.IsValid && complete
            ? store.ApplyAsync(Workspace, e, new ChannelIdentity(channel, identity.Value!))
            : Task.FromResult(new CrudResult(e.Id, "rejected"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }
}
