using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Crm.Silo.Diagnostics;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Observability;

public sealed class EventTraceTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task One_event_is_one_trace_from_the_request_through_identity_and_customer_grains_to_the_storage_commit()
    {
        await using var service = await RunningService.StartOnPostgresAsync(postgres.ConnectionString);
        var trace = ActivityTraceId.CreateRandom();
        using var recorder = new TraceRecorder(trace);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = JsonContent.Create(new
            {
                events = new[] { new { id = Guid.NewGuid().ToString("N"), type = "message_received", channel = "email", identity = "traced@example.com", occurredAt = DateTimeOffset.UtcNow, conversationId = "conv-traced", text = "hello" } },
            }),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await service.Admin().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"accepted\"", await response.Content.ReadAsStringAsync());

        var spans = await recorder.WaitForAsync(all => all.Any(IsCustomerWriteCommit(all)));
        var http = Assert.Single(spans, span => span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server);
        var identity = Assert.Single(spans, span => IsGrainCall(span, "IIdentityGrain/Ingest", ActivityKind.Server));
        var customer = Assert.Single(spans, span => IsGrainCall(span, "ICustomerGrain/Apply", ActivityKind.Server));
        var commit = spans.First(IsCustomerWriteCommit(spans));

        Assert.True(Descends(identity, http, spans), "the identity grain's call runs under the HTTP request");
        Assert.True(Descends(customer, identity, spans), "the customer grain's call runs under the identity grain's");
        Assert.Contains(commit.Links, link => link.Context.SpanId == customer.SpanId);
        Assert.True(Descends(commit, http, spans), "the commit is in the request's trace, under its request");
        Assert.All(spans, span => Assert.Equal(trace, span.TraceId));
    }

    private static Func<Activity, bool> IsCustomerWriteCommit(IReadOnlyList<Activity> spans) => span =>
        span.Source.Name == StorageTracing.SourceName
        && span.DisplayName == StorageTracing.CommitActivityName
        && span.Links.Any(link => spans.Any(writer => writer.SpanId == link.Context.SpanId && IsGrainCall(writer, "ICustomerGrain/Apply", ActivityKind.Server)));

    private static bool IsGrainCall(Activity span, string method, ActivityKind kind) =>
        span.Source.Name == Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName
        && span.Kind == kind
        && span.GetTagItem("rpc.method") is string called && called.EndsWith(method, StringComparison.Ordinal);

    private static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            parent = spans.FirstOrDefault(candidate => candidate.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }

    /// <summary>Records the stopped activities of one trace from ASP.NET Core's, Orleans' and the storage's sources.</summary>
    private sealed class TraceRecorder : IDisposable
    {
        private readonly ActivityTraceId _trace;
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public TraceRecorder(ActivityTraceId trace)
        {
            _trace = trace;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" || SiloTelemetry.ActivitySourceNames.Contains(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                    options.TraceId == _trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
                ActivityStopped = activity =>
                {
                    if (activity.TraceId == _trace)
                    {
                        _stopped.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public async Task<IReadOnlyList<Activity>> WaitForAsync(Func<IReadOnlyList<Activity>, bool> complete)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var spans = _stopped.ToArray();
                if (complete(spans) || DateTime.UtcNow > deadline)
                {
                    return spans;
                }

                await Task.Delay(50);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
