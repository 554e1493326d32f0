using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Validation;
using Crm.Silo.Storage;
using Crm.Testing;

namespace Crm.Grains.Tests.Segments;

/// <summary>Member counts and pages read from the customer rows, run on each storage provider by the classes below.</summary>
public abstract class SegmentMemberTests
{
    // Providers with a database keep it for the whole class, so every test has workspaces of its own.
    private readonly string _workspace = "a" + Guid.NewGuid().ToString("N");
    private readonly string _other = "b" + Guid.NewGuid().ToString("N");

    protected abstract IStateStorage NewStorage();

    [Fact]
    public async Task Counts_and_pages_hold_the_members_customers_committed()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        await DefineSegmentsAsync(silo, _workspace);
        var ids = await CustomersWithOrdersAsync(silo, _workspace, 250m, 50m, 500m, 120m, 10m);
        for (var i = 0; i < ids.Length; i++)
        {
            await MembershipCommit.WriteAsync(silo, _workspace, ids[i], i < 2 ? ["wholesale"] : []);
        }

        var bigSpenders = await Segment(silo, _workspace, "big-spenders").CountMembers();
        var wholesale = await Segment(silo, _workspace, "wholesale").CountMembers();
        var first = await Segment(silo, _workspace, "big-spenders").ListMembers(null, 2);
        var second = await Segment(silo, _workspace, "big-spenders").ListMembers(first.NextAfter, 2);

        Assert.Equal(3, bigSpenders);
        Assert.Equal(2, wholesale);
        Assert.Equal(new[] { ids[0], ids[2], ids[3] }.Order(StringComparer.Ordinal), first.CustomerIds.Concat(second.CustomerIds));
        Assert.Equal(first.CustomerIds[^1], first.NextAfter);
        Assert.Null(second.NextAfter);
    }

    [Fact]
    public async Task A_count_moves_as_customers_start_and_stop_matching_the_rule()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        var ingestor = silo.Ingestor();
        await DefineSegmentsAsync(silo, _workspace);
        var ids = await CustomersWithOrdersAsync(silo, _workspace, 250m, 50m);
        foreach (var id in ids)
        {
            await MembershipCommit.WriteAsync(silo, _workspace, id);
        }

        var before = await Segment(silo, _workspace, "big-spenders").CountMembers();
        await ingestor.IngestAsync(_workspace, Events.Order(Channel.Email, Email(1), CrmSilo.Start.AddHours(2), "second", 60m));
        await MembershipCommit.WriteAsync(silo, _workspace, ids[1]);
        var joined = await Segment(silo, _workspace, "big-spenders").ListMembers(null, 10);
        await ingestor.IngestAsync(_workspace, Events.Refund(Channel.Email, Email(0), CrmSilo.Start.AddHours(3), "order-0", 250m));
        await MembershipCommit.WriteAsync(silo, _workspace, ids[0]);
        var left = await Segment(silo, _workspace, "big-spenders").ListMembers(null, 10);

        Assert.Equal(1, before);
        Assert.Equal(ids.Order(StringComparer.Ordinal), joined.CustomerIds);
        Assert.Equal([ids[1]], left.CustomerIds);
    }

    [Fact]
    public async Task Another_workspaces_members_of_a_segment_with_the_same_id_are_never_counted()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        await DefineSegmentsAsync(silo, _workspace);
        await DefineSegmentsAsync(silo, _other);
        var ours = await CustomersWithOrdersAsync(silo, _workspace, 300m);
        var theirs = await CustomersWithOrdersAsync(silo, _other, 400m, 500m);
        await MembershipCommit.WriteAsync(silo, _workspace, ours[0]);
        foreach (var id in theirs)
        {
            await MembershipCommit.WriteAsync(silo, _other, id);
        }

        var count = await Segment(silo, _workspace, "big-spenders").CountMembers();
        var page = await Segment(silo, _workspace, "big-spenders").ListMembers(null, 10);

        Assert.Equal(1, count);
        Assert.Equal(ours, page.CustomerIds);
        Assert.Equal(2, await Segment(silo, _other, "big-spenders").CountMembers());
    }

    [Fact]
    public async Task A_segment_the_catalog_does_not_have_is_not_found_though_rows_still_name_it()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        await DefineSegmentsAsync(silo, _workspace);
        var ids = await CustomersWithOrdersAsync(silo, _workspace, 300m);
        await MembershipCommit.WriteAsync(silo, _workspace, ids[0], "wholesale");

        await silo.Grains.GetGrain<ISegmentCatalogGrain>(_workspace).Delete("wholesale");

        await Assert.ThrowsAsync<SegmentNotFoundException>(() => Segment(silo, _workspace, "wholesale").CountMembers());
        await Assert.ThrowsAsync<SegmentNotFoundException>(() => Segment(silo, _workspace, "wholesale").ListMembers(null, 10));
        await Assert.ThrowsAsync<SegmentNotFoundException>(() => Segment(silo, _other, "big-spenders").CountMembers());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SegmentMemberPage.MaxLimit + 1)]
    public async Task A_page_size_out_of_range_is_refused(int limit)
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        await DefineSegmentsAsync(silo, _workspace);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => Segment(silo, _workspace, "wholesale").ListMembers(null, limit));

        Assert.Equal("limit", refused.Error.Field);
    }

    [Fact]
    public async Task A_segment_whose_id_is_part_of_another_ones_counts_only_its_own_members()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        var queries = SegmentQueries.For(silo.Storage);
        await MembershipCommit.WriteRowsAsync(
            silo.Storage,
            Row(_workspace, 1, "vip"),
            Row(_workspace, 2, "vip-2"),
            Row(_workspace, 3, "very-vip", "vi"),
            Row(_workspace, 4, "vip", "vip-2"),
            Row(_other, 5, "vip"));

        var vip = await queries.ListMembersAsync(_workspace, "vip", null, 10);
        var counts = await Task.WhenAll(new[] { "vip", "vip-2", "vi", "ip", "very" }.Select(id => queries.CountMembersAsync(_workspace, id)));

        Assert.Equal([Id(1), Id(4)], vip.CustomerIds);
        Assert.Equal([2L, 2, 1, 0, 0], counts);
    }

    [Fact]
    public async Task A_page_ending_at_the_last_member_says_that_none_follow()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        var queries = SegmentQueries.For(silo.Storage);
        await MembershipCommit.WriteRowsAsync(silo.Storage, [.. Enumerable.Range(1, 4).Select(n => Row(_workspace, n, "vip"))]);

        var first = await queries.ListMembersAsync(_workspace, "vip", null, 2);
        var second = await queries.ListMembersAsync(_workspace, "vip", first.NextAfter, 2);
        var beyond = await queries.ListMembersAsync(_workspace, "vip", Id(4), 2);

        Assert.Equal([Id(1), Id(2)], first.CustomerIds);
        Assert.Equal(Id(2), first.NextAfter);
        Assert.Equal([Id(3), Id(4)], second.CustomerIds);
        Assert.Null(second.NextAfter);
        Assert.Empty(beyond.CustomerIds);
        Assert.Null(beyond.NextAfter);
    }

    [Fact]
    public async Task A_removed_customer_row_is_no_longer_a_member()
    {
        await using var silo = await CrmSilo.StartAsync(NewStorage());
        var queries = SegmentQueries.For(silo.Storage);
        await MembershipCommit.WriteRowsAsync(silo.Storage, Row(_workspace, 1, "vip"), Row(_workspace, 2, "vip"));

        await MembershipCommit.WriteRowsAsync(silo.Storage, new CustomerRow(_workspace, Id(1), null));

        Assert.Equal(1, await queries.CountMembersAsync(_workspace, "vip"));
        Assert.Equal([Id(2)], (await queries.ListMembersAsync(_workspace, "vip", null, 10)).CustomerIds);
    }

    private static async Task DefineSegmentsAsync(CrmSilo silo, string workspace)
    {
        var catalog = silo.Grains.GetGrain<ISegmentCatalogGrain>(workspace);
        await catalog.Create(new SegmentDraft { Name = "Big spenders", Kind = SegmentKind.Rule, Rule = "ltv >= 100" });
        await catalog.Create(new SegmentDraft { Name = "Wholesale" });
    }

    /// <summary>One customer per amount, each created by its first order.</summary>
    private static async Task<string[]> CustomersWithOrdersAsync(CrmSilo silo, string workspace, params decimal[] amounts)
    {
        var ingestor = silo.Ingestor();
        var ids = new string[amounts.Length];
        for (var i = 0; i < amounts.Length; i++)
        {
            var result = await ingestor.IngestAsync(workspace, Events.Order(Channel.Email, Email(i), CrmSilo.Start.AddMinutes(i), $"order-{i}", amounts[i]));
            Assert.Equal(IngestStatus.Accepted, result.Status);
            ids[i] = result.CustomerId!;
        }

        return ids;
    }

    private static string Email(int customer) => $"customer{customer}@example.com";

    private static ISegmentGrain Segment(CrmSilo silo, string workspace, string segmentId) => silo.Grains.GetGrain<ISegmentGrain>($"{workspace}/{segmentId}");

    private static string Id(int n) => n.ToString("x32");

    private static CustomerRow Row(string workspace, int n, params string[] segments) =>
        new(workspace, Id(n), new CustomerSnapshot { Id = Id(n), FirstSeen = CrmSilo.Start, Segments = segments.ToHashSet() });
}

public sealed class MemorySegmentMemberTests : SegmentMemberTests
{
    protected override IStateStorage NewStorage() => new MemoryStateStorage();
}

public sealed class PostgresSegmentMemberTests(PostgresTestDatabase postgres) : SegmentMemberTests, IClassFixture<PostgresTestDatabase>
{
    protected override IStateStorage NewStorage() => new PostgresStateStorage(postgres.ConnectionString);
}

public sealed class SqliteSegmentMemberTests : SegmentMemberTests, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-segments-");

    protected override IStateStorage NewStorage() => new SqliteStateStorage($"Data Source={Path.Combine(_folder.FullName, "crm.db")}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
