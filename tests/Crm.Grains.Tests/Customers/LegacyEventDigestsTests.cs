using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Grains.Customers;
using Crm.Grains.Serialization;

namespace Crm.Grains.Tests.Customers;

/// <summary>Customers stored before the ledger kept their last event ids as digests; those retries still count once, for one window.</summary>
public sealed class LegacyEventDigestsTests
{
    private static readonly DateTimeOffset Upgrade = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_state_stored_before_the_ledger_still_knows_its_events_until_one_window_after_first_use()
    {
        var stored = """{"exists":true,"recentEvents":{"digests":"DIGESTS"}}""".Replace("DIGESTS", Convert.ToBase64String(DigestsOf("evt-1", "evt-2")));
        var state = JsonSerializer.Deserialize(stored, GrainStateJsonContext.Default.CustomerState)!;
        var window = TimeSpan.FromDays(7);

        state.LegacyEvents.Age(Upgrade, window);
        Assert.True(state.LegacyEvents.Contains("evt-1") && state.LegacyEvents.Contains("evt-2"));
        Assert.False(state.LegacyEvents.Contains("evt-3"));

        var restored = JsonSerializer.Deserialize(JsonSerializer.Serialize(state, GrainStateJsonContext.Default.CustomerState), GrainStateJsonContext.Default.CustomerState)!;
        restored.LegacyEvents.Age(Upgrade + window - TimeSpan.FromSeconds(1), window);
        Assert.True(restored.LegacyEvents.Contains("evt-1"));

        restored.LegacyEvents.Age(Upgrade + window, window);
        Assert.True(restored.LegacyEvents.IsEmpty);
        Assert.False(restored.LegacyEvents.Contains("evt-1"));
    }

    [Fact]
    public void A_merge_keeps_both_customers_digests_until_the_later_countdown()
    {
        var survivor = Digests("a");
        var duplicate = Digests("b");
        survivor.Age(Upgrade, TimeSpan.FromDays(7));
        duplicate.Age(Upgrade.AddDays(3), TimeSpan.FromDays(7));

        survivor.Absorb(duplicate);

        Assert.True(survivor.Contains("a") && survivor.Contains("b"));
        Assert.Equal(Upgrade.AddDays(10), survivor.KeptUntil);
    }

    private static LegacyEventDigests Digests(params string[] ids) => new() { Digests = DigestsOf(ids) };

    /// <summary>The digests as customers stored them: the first eight bytes of each id's SHA-256, little-endian.</summary>
    private static byte[] DigestsOf(params string[] ids) =>
        ids.SelectMany(id => SHA256.HashData(Encoding.UTF8.GetBytes(id))[..sizeof(ulong)]).ToArray();
}
