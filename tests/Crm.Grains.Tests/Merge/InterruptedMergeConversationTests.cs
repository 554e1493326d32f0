using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Merge;
using Crm.Grains.Tests.Infrastructure;
using Crm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Tests.Merge;

/// <summary>
/// Between the duplicate's retirement and the survivor's absorb (a moment in a healthy merge, until the retry after a
/// crash there), the duplicate's messages are forwarded to the survivor, which opens its own copy of the duplicate's
/// conversations. The absorb must see that conversation once.
/// </summary>
public sealed class InterruptedMergeConversationTests
{
    private const string Workspace = "acme";

    [Fact]
    public async Task A_conversation_continued_while_the_merge_was_interrupted_counts_once_with_all_its_messages()
    {
        var storage = new MemoryStateStorage();
        string survivor, duplicate;
        await using (var crashing = await CrmSilo.StartAsync(storage, services => services.AddSingleton<IMergeFaults>(new CrashAfterMergePhase(MergePhase.DuplicateRetired))))
        {
            survivor = await crashing.SendAsync(Workspace, Events.Message(Channel.Email, "kim@example.com", CrmSilo.Start, conversation: "mail-1"));
            duplicate = await crashing.SendAsync(Workspace, Events.Message(Channel.Whatsapp, "+1 415 555 0142", CrmSilo.Start, text: "hi", conversation: "chat-7"));
            await Assert.ThrowsAsync<SimulatedCrashException>(() => Merge(crashing, survivor, duplicate));
        }

        await using var restarted = await CrmSilo.StartAsync(new MemoryStateStorage(storage.Store));
        var forwarded = await restarted.SendAsync(Workspace, Events.Message(Channel.Whatsapp, "+1 415 555 0142", CrmSilo.Start.AddMinutes(5), text: "still there?", conversation: "chat-7"));
        var merged = (await Merge(restarted, survivor, duplicate)).Survivor;

        Assert.Equal(survivor, forwarded);
        Assert.Equal(3, merged.Messages);
        Assert.Equal(2, merged.Conversations);
        var chat = Assert.Single(merged.RecentConversations, conversation => conversation.Id == "chat-7");
        Assert.Equal(2, chat.MessageCount);
        Assert.Equal(CrmSilo.Start, chat.StartedAt);
        Assert.Equal(CrmSilo.Start.AddMinutes(5), chat.LastMessageAt);
        Assert.Equal("still there?", chat.LastSnippet);
    }

    [Fact]
    public async Task A_conversation_closed_on_either_side_stays_closed_after_the_merge()
    {
        await using var silo = await CrmSilo.StartAsync();
        var survivor = await silo.SendAsync(Workspace, Events.Message(Channel.Email, "lou@example.com", CrmSilo.Start, conversation: "shared-1"));
        var duplicate = await silo.SendAsync(Workspace, Events.Message(Channel.Sms, "+1 415 555 0143", CrmSilo.Start.AddMinutes(1), conversation: "shared-1"));
        await silo.SendAsync(Workspace, Events.Closed(Channel.Sms, "+1 415 555 0143", CrmSilo.Start.AddMinutes(2), "shared-1"));

        var merged = (await Merge(silo, survivor, duplicate)).Survivor;

        Assert.Equal(1, merged.Conversations);
        Assert.Equal(ConversationStatus.Closed, Assert.Single(merged.RecentConversations).Status);
    }

    private static Task<MergeResult> Merge(CrmSilo silo, string survivor, string duplicate) =>
        silo.Grains.GetGrain<IMergeGrain>(MergeKeys.For(Workspace, survivor, duplicate)).Merge(survivor, duplicate, "agent:test", dryRun: false);
}
