using System.Collections.Concurrent;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Crm.Web.Tests.Observability;

public sealed class OtlpExportTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task With_an_otlp_endpoint_the_node_pushes_metrics_traces_and_logs_to_it()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var service = await RunningService.StartOnPostgresAsync(
            postgres.ConnectionString,
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={collector.Address}",
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_METRIC_EXPORT_INTERVAL=500",
            "--OTEL_BSP_SCHEDULE_DELAY=200",
            "--OTEL_BLRP_SCHEDULE_DELAY=200");

        await service.Admin().PostMessagesAsync(["exported@example.com"]);

        Assert.NotNull(service.Services.GetService<TracerProvider>());
        await collector.WaitForAsync("/v1/metrics", "/v1/traces", "/v1/logs");
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_tracer_provider_is_built()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);

        await service.Admin().PostMessagesAsync(["not-exported@example.com"]);

        Assert.Null(service.Services.GetService<TracerProvider>());
    }

    /// <summary>Stands in for an OpenTelemetry collector's OTLP/HTTP receiver: counts the non-empty posts per signal path.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, int> _posts;

        private OtlpCollector(WebApplication app, ConcurrentDictionary<string, int> posts, string address)
        {
            _app = app;
            _posts = posts;
            Address = address;
        }

        public string Address { get; }

        public static async Task<OtlpCollector> StartAsync()
        {
            var posts = new ConcurrentDictionary<string, int>();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                if (body.Length > 0 && context.Request.ContentType == "application/x-protobuf")
                {
                    posts.AddOrUpdate(context.Request.Path, 1, (_, count) => count + 1);
                }

                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new OtlpCollector(app, posts, address);
        }

        public async Task WaitForAsync(params string[] paths)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!paths.All(_posts.ContainsKey))
            {
                Assert.True(DateTime.UtcNow < deadline, $"received {string.Join(", ", _posts.Keys)}; expected {string.Join(", ", paths)}");
                await Task.Delay(100);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
