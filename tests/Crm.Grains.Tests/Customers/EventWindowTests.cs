using System.Text.Json;
using Crm.Grains.Customers;
using Crm.Grains.Serialization;

namespace Crm.Grains.Tests.Customers;

public sealed class EventWindowTests
{
    [Fact]
    public void Recognises_recent_ids_and_forgets_the_oldest_beyond_capacity()
    {
        var window = new EventWindow();

        for (var i = 0; i <= EventWindow.Capacity; i++)
        {
            window.Add($"event-{i}");
        }

        Assert.False(window.Contains("event-0"));
        Assert.True(window.Contains("event-1"));
        Assert.True(window.Contains($"event-{EventWindow.Capacity}"));
        Assert.Equal(EventWindow.Capacity, window.Count);
    }

    [Fact]
    public void Survives_a_round_trip_through_the_stored_state()
    {
        var state = new CustomerState();
        state.RecentEvents.Add("a");
        state.RecentEvents.Add("b");

        var json = JsonSerializer.Serialize(state, GrainStateJsonContext.Default.CustomerState);
        var restored = JsonSerializer.Deserialize(json, GrainStateJsonContext.Default.CustomerState)!;

        Assert.True(restored.RecentEvents.Contains("a") && restored.RecentEvents.Contains("b"));
        Assert.False(restored.RecentEvents.Contains("c"));
        Assert.DoesNotContain("\"count\"", json);
    }

    [Fact]
    public void A_merge_keeps_both_windows_whole_and_the_union_stays_that_large()
    {
        var survivor = new EventWindow();
        var duplicate = new EventWindow();
        for (var i = 0; i < EventWindow.Capacity; i++)
        {
            survivor.Add($"s-{i}");
            duplicate.Add($"d-{i}");
        }

        survivor.Absorb(duplicate);
        survivor.Add("after-merge");

        Assert.Equal(2 * EventWindow.Capacity, survivor.Count);
        Assert.True(survivor.Contains("d-0") && survivor.Contains("s-1") && survivor.Contains("after-merge"));
        Assert.False(survivor.Contains("s-0"));
    }
}
