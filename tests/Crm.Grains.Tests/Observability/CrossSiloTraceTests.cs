using System.Diagnostics;
using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Diagnostics;
using Crm.Testing;
using Orleans.Diagnostics;

namespace Crm.Grains.Tests.Observability;

/// <summary>Two silos: the trace of one event follows the grain calls from the silo that took it to the one holding the customer.</summary>
public sealed class CrossSiloTraceTests
{
    private const string Workspace = "acme";
    private const string ActivitySourceName = "Crm.Grains.Tests.Adapter";

    [Fact]
    public async Task An_event_taken_on_one_silo_is_one_trace_through_the_identity_and_the_customer_on_the_other_silo_to_its_commit()
    {
        await using var silo = await CrmSilo.StartClusterAsync(2, configure: orleans => orleans.AddCrmTelemetry());
        var customerId = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "ana@example.com", CrmSilo.Start));
        await silo.PlaceOnAsync(silo.GrainsOn(0).GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, new ChannelIdentity(Channel.Email, "ana@example.com"))), 0);
        await silo.PlaceOnAsync(silo.GrainsOn(0).GetGrain<ICustomerGrain>($"{Workspace}/{customerId}"), 1);
        using var recorder = new TraceRecorder(ActivitySourceName, ActivitySources.ApplicationGrainActivitySourceName, StorageTracing.SourceName);
        using var source = new ActivitySource(ActivitySourceName);

        using (source.StartActivity("adapter posts an event", ActivityKind.Server, recorder.Parent))
        {
            var result = await silo.IngestorOn(0).IngestAsync(Workspace, Events.Message(Channel.Email, "ana@example.com", CrmSilo.Start.AddMinutes(1)));
            Assert.Equal(IngestStatus.Accepted, result.Status);
        }

        var spans = await recorder.WaitForAsync(all => all.Any(span => IsCommitOf(span, all)));
        var root = Assert.Single(spans, span => span.Source.Name == ActivitySourceName);
        var identity = Assert.Single(spans, span => IsServerCall(span, "IIdentityGrain/Ingest"));
        var customer = Assert.Single(spans, span => IsServerCall(span, "ICustomerGrain/Apply"));
        var commit = spans.First(span => IsCommitOf(span, spans));
        Assert.True(TraceRecorder.Descends(identity, root, spans), "the identity's call runs under the request");
        Assert.True(TraceRecorder.Descends(customer, identity, spans), "the customer's call, on the other silo, runs under the identity's");
        Assert.Contains(commit.Links, link => link.Context.SpanId == customer.SpanId);
        Assert.True(TraceRecorder.Descends(commit, customer, spans), "the customer's commit runs under its call");
        Assert.True(silo.Cluster.TryGetGrainContext(silo.GrainsOn(0).GetGrain<ICustomerGrain>($"{Workspace}/{customerId}").GetGrainId(), out var context));
        Assert.Equal(silo.Cluster.Silos[1].SiloAddress, context.Address.SiloAddress);
    }

    private static bool IsServerCall(Activity span, string method) =>
        span.Source.Name == ActivitySources.ApplicationGrainActivitySourceName
        && span.Kind == ActivityKind.Server
        && span.GetTagItem("rpc.method") is string called && called.EndsWith(method, StringComparison.Ordinal);

    private static bool IsCommitOf(Activity span, IReadOnlyList<Activity> spans) =>
        span.DisplayName == StorageTracing.CommitActivityName
        && span.Links.Any(link => spans.Any(writer => writer.SpanId == link.Context.SpanId && IsServerCall(writer, "ICustomerGrain/Apply")));
}
