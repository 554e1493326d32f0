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
        using var recorder = new TraceRecorder(["Microsoft.AspNetCore", .. SiloTelemetry.ActivitySourceNames]);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = JsonContent.Create(new
            {
                events = new[] { new { id = Guid.NewGuid().ToString("N"), type = "message_received", channel = "email", identity = "traced@example.com", occurredAt = DateTimeOffset.UtcNow, conversationId = "conv-traced", text = "hello" } },
            }),
        };
        request.Headers.Add("traceparent", recorder.TraceParent);
        using var response = await service.Admin().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"accepted\"", await response.Content.ReadAsStringAsync());

        var spans = await recorder.WaitForAsync(all => all.Any(IsCustomerWriteCommit(all)));
        var http = Assert.Single(spans, span => span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server);
        var identity = Assert.Single(spans, span => IsGrainCall(span, "IIdentityGrain/IngestMany", ActivityKind.Server));
        var customer = Assert.Single(spans, span => IsGrainCall(span, "ICustomerGrain/ApplyMany", ActivityKind.Server));
        var commit = spans.First(IsCustomerWriteCommit(spans));

        Assert.True(TraceRecorder.Descends(identity, http, spans), "the identity grain's call runs under the HTTP request");
        Assert.True(TraceRecorder.Descends(customer, identity, spans), "the customer grain's call runs under the identity grain's");
        Assert.Contains(commit.Links, link => link.Context.SpanId == customer.SpanId);
        Assert.True(TraceRecorder.Descends(commit, http, spans), "the commit is in the request's trace, under its request");
        Assert.All(spans, span => Assert.Equal(recorder.Trace, span.TraceId));
    }

    private static Func<Activity, bool> IsCustomerWriteCommit(IReadOnlyList<Activity> spans) => span =>
        span.Source.Name == StorageTracing.SourceName
        && span.DisplayName == StorageTracing.CommitActivityName
        && span.Links.Any(link => spans.Any(writer => writer.SpanId == link.Context.SpanId && IsGrainCall(writer, "ICustomerGrain/ApplyMany", ActivityKind.Server)));

    private static bool IsGrainCall(Activity span, string method, ActivityKind kind) =>
        span.Source.Name == Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName
        && span.Kind == kind
        && span.GetTagItem("rpc.method") is string called && called.EndsWith(method, StringComparison.Ordinal);
}
