using Crm.Grains.Segments;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Validation;
using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Segments;

public sealed class SegmentCatalogTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task A_rule_segment_gets_an_id_made_from_its_name_and_keeps_its_rule_in_normalized_form()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);

        var created = await catalog.Create(new SegmentDraft { Name = " Big spenders ", Description = "", Kind = SegmentKind.Rule, Rule = "LTV>=1000  AND  orders > 3" });

        Assert.Equal("big-spenders", created.Id);
        Assert.Equal("Big spenders", created.Name);
        Assert.Null(created.Description);
        Assert.Equal(SegmentRule.Parse("ltv >= 1000 and orders > 3").ToString(), created.Rule);
        Assert.Equal(CrmSilo.Start, created.CreatedAt);
        Assert.Equal(created, await catalog.Get("big-spenders"));
    }

    [Theory]
    [InlineData("ltv >= 100 and lifecyle = vip", "column 16: unknown field 'lifecyle' (did you mean 'lifecycle'?)")]
    [InlineData("city = berlin", "column 8: 'city' is a string; put the value in double quotes, like \"berlin\"")]
    [InlineData(" ", "column 1: the rule is empty")]
    [InlineData(null, "column 1: the rule is empty")]
    public async Task A_rule_that_does_not_parse_is_refused_with_the_column_of_the_problem(string? rule, string message)
    {
        await using var silo = await CrmSilo.StartAsync();

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Catalog(silo).Create(new SegmentDraft { Name = "VIPs", Kind = SegmentKind.Rule, Rule = rule }));

        Assert.Equal(new ValidationError("rule", message), refused.Error);
        Assert.Empty(await Catalog(silo).List());
    }

    [Theory]
    [MemberData(nameof(BrokenDrafts))]
    public async Task A_draft_beyond_the_limits_is_refused_naming_the_field(SegmentDraft draft, string field)
    {
        await using var silo = await CrmSilo.StartAsync();

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => Catalog(silo).Create(draft));

        Assert.Equal(field, refused.Error.Field);
    }

    public static TheoryData<SegmentDraft, string> BrokenDrafts() => new()
    {
        { new SegmentDraft { Name = "  " }, "name" },
        { new SegmentDraft { Name = new string('n', SegmentDraftRules.MaxNameLength + 1) }, "name" },
        { new SegmentDraft { Name = "tab\there" }, "name" },
        { new SegmentDraft { Name = "Long story", Description = new string('d', SegmentDraftRules.MaxDescriptionLength + 1) }, "description" },
        { new SegmentDraft { Name = "Bell", Description = "ding\u0007" }, "description" },
        { new SegmentDraft { Name = "Hand-picked", Kind = SegmentKind.Static, Rule = "orders > 1" }, "rule" },
        { new SegmentDraft { Name = "Odd", Kind = (SegmentKind)7 }, "kind" },
    };

    [Fact]
    public async Task Names_and_descriptions_at_their_limits_are_accepted()
    {
        await using var silo = await CrmSilo.StartAsync();
        const string Lines = "line one\nline two\t";

        var created = await Catalog(silo).Create(new SegmentDraft
        {
            Name = new string('n', SegmentDraftRules.MaxNameLength),
            Description = Lines + new string('d', SegmentDraftRules.MaxDescriptionLength - Lines.Length),
        });

        Assert.Equal(SegmentDraftRules.MaxDescriptionLength, created.Description!.Length);
    }

    [Fact]
    public async Task A_name_another_segment_of_the_workspace_has_in_any_case_is_refused()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);
        await catalog.Create(new SegmentDraft { Name = "Kunden München" });
        var other = await catalog.Create(new SegmentDraft { Name = "Others" });

        var created = await Assert.ThrowsAsync<DomainValidationException>(() => catalog.Create(new SegmentDraft { Name = "KUNDEN MÜNCHEN" }));
        var renamed = await Assert.ThrowsAsync<DomainValidationException>(() => catalog.Update(other.Id, new SegmentDraft { Name = "kunden münchen" }));

        Assert.Equal(new ValidationError("name", "another segment of this workspace has this name"), created.Error);
        Assert.Equal(created.Error, renamed.Error);
        Assert.Equal(2, (await catalog.List()).Count);
    }

    [Fact]
    public async Task A_workspace_holds_at_most_two_hundred_segments()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);
        for (var i = 0; i < SegmentDraftRules.MaxSegmentsPerWorkspace; i++)
        {
            await catalog.Create(new SegmentDraft { Name = $"Segment {i}" });
        }

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => catalog.Create(new SegmentDraft { Name = "One too many" }));

        Assert.Equal(new ValidationError("segments", "a workspace has at most 200 segments"), refused.Error);
        Assert.Equal(SegmentDraftRules.MaxSegmentsPerWorkspace, (await catalog.List()).Count);
    }

    [Fact]
    public async Task An_update_replaces_name_description_and_rule_and_keeps_the_id()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);
        var created = await catalog.Create(new SegmentDraft { Name = "VIPs", Kind = SegmentKind.Rule, Rule = "lifecycle = vip" });
        silo.Clock.Advance(TimeSpan.FromHours(1));

        var updated = await catalog.Update(created.Id, new SegmentDraft { Name = "Top customers", Description = "Worth a call", Kind = SegmentKind.Rule, Rule = "ltv >= 5000" });

        Assert.Equal(created with { Name = "Top customers", Description = "Worth a call", Rule = "ltv >= 5000", UpdatedAt = CrmSilo.Start.AddHours(1) }, updated);
        Assert.Equal([updated], await catalog.List());
    }

    [Fact]
    public async Task A_segments_kind_never_changes()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);
        var created = await catalog.Create(new SegmentDraft { Name = "Hand-picked" });

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            catalog.Update(created.Id, new SegmentDraft { Name = "Hand-picked", Kind = SegmentKind.Rule, Rule = "orders > 1" }));

        Assert.Equal("kind", refused.Error.Field);
        Assert.Equal(created, await catalog.Get(created.Id));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);

        var updated = await Assert.ThrowsAsync<SegmentNotFoundException>(() => catalog.Update("nope", new SegmentDraft { Name = "Nope" }));
        var deleted = await Assert.ThrowsAsync<SegmentNotFoundException>(() => catalog.Delete("nope"));
        var required = await Assert.ThrowsAsync<SegmentNotFoundException>(() => catalog.RequireStatic("nope"));

        Assert.All(new[] { updated, deleted, required }, exception => Assert.Equal("nope", exception.SegmentId));
        Assert.Null(await catalog.Get("nope"));
    }

    [Fact]
    public async Task A_deleted_segments_id_is_never_given_to_another_segment()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);
        var first = await catalog.Create(new SegmentDraft { Name = "VIP" });

        await catalog.Delete(first.Id);
        var second = await catalog.Create(new SegmentDraft { Name = "VIP" });

        Assert.Null(await catalog.Get(first.Id));
        Assert.Equal(("vip", "vip-2"), (first.Id, second.Id));
        Assert.Equal([second], await catalog.List());
    }

    [Fact]
    public async Task Only_a_static_segment_takes_members_by_hand()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);
        var handPicked = await catalog.Create(new SegmentDraft { Name = "Hand-picked" });
        var vips = await catalog.Create(new SegmentDraft { Name = "VIPs", Kind = SegmentKind.Rule, Rule = "lifecycle = vip" });

        var accepted = await catalog.RequireStatic(handPicked.Id);
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => catalog.RequireStatic(vips.Id));

        Assert.Equal(handPicked, accepted);
        Assert.Equal(new ValidationError("segmentId", "segment 'vips' is rule-based: its rule decides who belongs to it"), refused.Error);
    }

    [Fact]
    public async Task Membership_rules_hold_the_rule_segments_and_static_ids_and_move_to_a_new_version_with_every_change()
    {
        await using var silo = await CrmSilo.StartAsync();
        var catalog = Catalog(silo);
        var empty = await catalog.GetMembershipRules();
        await catalog.Create(new SegmentDraft { Name = "Hand-picked" });
        var vips = await catalog.Create(new SegmentDraft { Name = "VIPs", Kind = SegmentKind.Rule, Rule = "lifecycle = vip" });
        var created = await catalog.GetMembershipRules();

        await catalog.Update(vips.Id, new SegmentDraft { Name = "VIPs", Kind = SegmentKind.Rule, Rule = "lifecycle = vip or ltv > 1000" });
        var updated = await catalog.GetMembershipRules();
        var unchanged = await catalog.GetMembershipRules();
        await catalog.Delete("hand-picked");
        var deleted = await catalog.GetMembershipRules();

        Assert.Equal((0, 2, 3, 4), (empty.Version, created.Version, updated.Version, deleted.Version));
        Assert.Equal<RuleSegment>([new RuleSegment("vips", "lifecycle = vip")], created.Rules);
        Assert.Equal(["hand-picked"], created.StaticSegmentIds);
        Assert.Equal<RuleSegment>([new RuleSegment("vips", SegmentRule.Parse("lifecycle = vip or ltv > 1000").ToString())], updated.Rules);
        Assert.Same(updated, unchanged);
        Assert.Empty(deleted.StaticSegmentIds);
    }

    [Fact]
    public async Task Definitions_and_their_version_survive_a_restart()
    {
        var storage = new MemoryStateStorage();
        IReadOnlyList<SegmentDefinition> before;
        await using (var silo = await CrmSilo.StartAsync(storage))
        {
            await Catalog(silo).Create(new SegmentDraft { Name = "Hand-picked", Description = "By the sales team" });
            await Catalog(silo).Create(new SegmentDraft { Name = "VIPs", Kind = SegmentKind.Rule, Rule = "lifecycle = vip" });
            await Catalog(silo).Delete("hand-picked");
            before = await Catalog(silo).List();
        }

        await using var restarted = await CrmSilo.StartAsync(storage);
        var after = await Catalog(restarted).List();
        var rules = await Catalog(restarted).GetMembershipRules();
        var recreated = await Catalog(restarted).Create(new SegmentDraft { Name = "Hand-picked" });

        Assert.Equal(before, after);
        Assert.Equal(3, rules.Version);
        Assert.Equal<RuleSegment>([new RuleSegment("vips", "lifecycle = vip")], rules.Rules);
        Assert.Equal("hand-picked-2", recreated.Id);
    }

    [Fact]
    public async Task Workspaces_do_not_see_each_others_segments()
    {
        await using var silo = await CrmSilo.StartAsync();
        var acme = Catalog(silo, "acme");
        var globex = Catalog(silo, "globex");
        await acme.Create(new SegmentDraft { Name = "VIP", Kind = SegmentKind.Rule, Rule = "lifecycle = vip" });
        await acme.Create(new SegmentDraft { Name = "Wholesale" });

        var globexVip = await globex.Create(new SegmentDraft { Name = "VIP" });
        await acme.Delete("wholesale");

        Assert.Equal("vip", globexVip.Id);
        Assert.Equal(["VIP"], (await globex.List()).Select(segment => segment.Name));
        Assert.Equal(SegmentKind.Rule, (await acme.Get("vip"))!.Kind);
        Assert.Equal(SegmentKind.Static, (await globex.RequireStatic("vip")).Kind);
        Assert.Equal(3, (await acme.GetMembershipRules()).Version);
        Assert.Equal(1, (await globex.GetMembershipRules()).Version);
        Assert.Empty((await globex.GetMembershipRules()).Rules);
    }

    private static ISegmentCatalogGrain Catalog(CrmSilo silo, string workspace = Workspace) => silo.Grains.GetGrain<ISegmentCatalogGrain>(workspace);
}
