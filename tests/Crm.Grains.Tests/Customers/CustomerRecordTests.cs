using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.ReadModel;
using Crm.Grains.Tests.Infrastructure;
using Crm.Grains.Validation;

namespace Crm.Grains.Tests.Customers;

/// <summary>Notes and custom attributes as agents edit them: each change lands in the timeline with its actor, bad input changes nothing.</summary>
public sealed class CustomerRecordTests
{
    private const string Workspace = "records";
    private const string Agent = "key:agent-7";

    [Fact]
    public async Task Editing_and_deleting_a_note_are_in_the_timeline_with_the_agent_who_did_it()
    {
        await using var silo = await CrmSilo.StartAsync();
        var (grain, id) = await CustomerAsync(silo);
        var note = await grain.AddNote("key:agent-1", "Asked for a callback");
        silo.Clock.Advance(TimeSpan.FromMinutes(5));

        var edited = await grain.EditNote(note.Id, "Asked for a callback on Monday\nafter 10:00", Agent);
        var afterEdit = (await grain.Get())!.Notes;
        await grain.DeleteNote(note.Id, Agent);

        Assert.Equal(CrmSilo.Start.AddMinutes(5), edited.EditedAt);
        Assert.Equal(("key:agent-1", "Asked for a callback on Monday\nafter 10:00"), (afterEdit.Single().Author, afterEdit.Single().Text));
        Assert.Empty((await grain.Get())!.Notes);
        var timeline = await TimelineAsync(silo, id);
        Assert.Equal(("note_deleted", Agent, $"note {note.Id}"), (timeline[0].Kind, timeline[0].Actor, timeline[0].Summary));
        Assert.Equal(("note_edited", Agent), (timeline[1].Kind, timeline[1].Actor));
    }

    [Fact]
    public async Task A_missing_note_or_text_with_control_characters_is_refused_and_nothing_is_written()
    {
        await using var silo = await CrmSilo.StartAsync();
        var (grain, id) = await CustomerAsync(silo);
        var note = await grain.AddNote(Agent, "First call");
        var entriesBefore = (await TimelineAsync(silo, id)).Count;

        await Assert.ThrowsAsync<NoteNotFoundException>(() => grain.EditNote("99", "text", Agent));
        await Assert.ThrowsAsync<NoteNotFoundException>(() => grain.DeleteNote("99", Agent));
        var nul = await Assert.ThrowsAsync<DomainValidationException>(() => grain.EditNote(note.Id, "bad\0byte", Agent));
        await Assert.ThrowsAsync<DomainValidationException>(() => grain.AddNote(Agent, "\u0007bell"));

        Assert.Equal("text", nul.Error.Field);
        Assert.Equal("First call", (await grain.Get())!.Notes.Single().Text);
        Assert.Equal(entriesBefore, (await TimelineAsync(silo, id)).Count);
    }

    [Fact]
    public async Task Patching_attributes_sets_and_removes_keys_and_the_timeline_names_only_what_changed()
    {
        await using var silo = await CrmSilo.StartAsync();
        var (grain, id) = await CustomerAsync(silo);
        await grain.SetAttributes(new Dictionary<string, AttributeValue?> { ["plan"] = AttributeValue.Of("pro"), ["seats"] = AttributeValue.Of(12m) }, "key:admin");

        var patched = await grain.SetAttributes(
            new Dictionary<string, AttributeValue?> { ["plan"] = AttributeValue.Of("pro"), ["seats"] = null, ["renewal"] = AttributeValue.Of(new DateOnly(2027, 1, 31)), ["absent"] = null },
            Agent);
        var entriesAfterPatch = (await TimelineAsync(silo, id)).Count;
        await grain.SetAttributes(new Dictionary<string, AttributeValue?> { ["plan"] = AttributeValue.Of("pro"), ["absent"] = null }, Agent);

        Assert.Equal(["plan", "renewal"], patched.Attributes.Keys.Order());
        Assert.Equal(AttributeKind.Date, patched.Attributes["renewal"].Kind);
        var timeline = await TimelineAsync(silo, id);
        Assert.Equal(entriesAfterPatch, timeline.Count);
        Assert.Equal(("attributes_changed", Agent, "renewal, seats"), (timeline[0].Kind, timeline[0].Actor, timeline[0].Summary));
        Assert.Equal(("attributes_changed", "key:admin", "plan, seats"), (timeline[1].Kind, timeline[1].Actor, timeline[1].Summary));
    }

    [Fact]
    public async Task Replacing_attributes_keeps_exactly_the_set_given()
    {
        await using var silo = await CrmSilo.StartAsync();
        var (grain, id) = await CustomerAsync(silo);
        await grain.SetAttributes(new Dictionary<string, AttributeValue?> { ["plan"] = AttributeValue.Of("pro"), ["trial"] = AttributeValue.Of(true) }, Agent);

        var replaced = await grain.ReplaceAttributes(new Dictionary<string, AttributeValue> { ["plan"] = AttributeValue.Of("enterprise"), ["seats"] = AttributeValue.Of(40m) }, Agent);

        Assert.Equal(["plan", "seats"], replaced.Attributes.Keys.Order());
        Assert.Equal("enterprise", (await grain.Get())!.Attributes["plan"].Text);
        var latest = (await TimelineAsync(silo, id))[0];
        Assert.Equal(("attributes_changed", Agent, "plan, seats, trial"), (latest.Kind, latest.Actor, latest.Summary));
    }

    [Fact]
    public async Task Attributes_with_two_values_a_nul_byte_or_beyond_the_limit_are_refused_whole()
    {
        await using var silo = await CrmSilo.StartAsync();
        var (grain, id) = await CustomerAsync(silo);
        await grain.SetAttributes(new Dictionary<string, AttributeValue?> { ["plan"] = AttributeValue.Of("pro") }, Agent);
        var entriesBefore = (await TimelineAsync(silo, id)).Count;
        var tooMany = Enumerable.Range(0, ProfileRules.MaxAttributes + 1).ToDictionary(i => $"field_{i}", AttributeValue (_) => AttributeValue.Of(true));

        var twoValues = await Assert.ThrowsAsync<DomainValidationException>(() => grain.SetAttributes(
            new Dictionary<string, AttributeValue?> { ["seats"] = new AttributeValue { Kind = AttributeKind.Number, Number = 3m, Text = "three" }, ["plan"] = null }, Agent));
        var nul = await Assert.ThrowsAsync<DomainValidationException>(() => grain.SetAttributes(
            new Dictionary<string, AttributeValue?> { ["note"] = AttributeValue.Of("a\0b") }, Agent));
        var limit = await Assert.ThrowsAsync<DomainValidationException>(() => grain.ReplaceAttributes(tooMany, Agent));
        var longName = await Assert.ThrowsAsync<DomainValidationException>(() => grain.SetAttributes(
            new Dictionary<string, AttributeValue?> { [new string('a', 5000)] = AttributeValue.Of(true) }, Agent));

        Assert.Equal("attributes.seats", twoValues.Error.Field);
        Assert.Equal("attributes.note", nul.Error.Field);
        Assert.Equal("attributes", limit.Error.Field);
        Assert.Equal("attributes", longName.Error.Field);
        Assert.Equal(["plan"], (await grain.Get())!.Attributes.Keys);
        Assert.Equal(entriesBefore, (await TimelineAsync(silo, id)).Count);
    }

    [Fact]
    public async Task A_closed_conversation_keeps_when_it_was_closed()
    {
        await using var silo = await CrmSilo.StartAsync();
        var id = await silo.SendAsync(Workspace, Events.Message(Channel.Whatsapp, "+14155550123", CrmSilo.Start, conversation: "c-1"));
        await silo.SendAsync(Workspace, Events.Closed(Channel.Whatsapp, "+14155550123", CrmSilo.Start.AddHours(2), "c-1"));

        var conversation = (await silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}").Get())!.RecentConversations.Single();

        Assert.Equal((ConversationStatus.Closed, CrmSilo.Start, CrmSilo.Start.AddHours(2), 1), (conversation.Status, conversation.StartedAt, conversation.ClosedAt, conversation.MessageCount));
    }

    private static async Task<(ICustomerGrain Grain, string Id)> CustomerAsync(CrmSilo silo)
    {
        var id = CustomerIds.New();
        var grain = silo.Grains.GetGrain<ICustomerGrain>($"{Workspace}/{id}");
        await grain.Create(new NewCustomer { Profile = new ProfilePatch { Name = "Noor Haddad" } }, Agent);
        return (grain, id);
    }

    private static Task<IReadOnlyList<TimelineRow>> TimelineAsync(CrmSilo silo, string id) =>
        CustomerRecordQueries.For(silo.Storage).TimelineAsync(Workspace, id, beforeSequence: null, limit: 100);
}
