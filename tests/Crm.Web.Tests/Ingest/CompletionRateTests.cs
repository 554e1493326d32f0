using Crm.Web.Limits;

namespace Crm.Web.Tests.Ingest;

public sealed class CompletionRateTests
{
    [Fact]
    public void The_rate_spans_the_last_few_seconds_and_is_unknown_before_a_second_completed_events_and_after_an_idle_window()
    {
        var clock = new SteppedClock();
        var rate = new CompletionRate(clock);

        rate.Completed(500);
        Assert.Null(rate.EventsPerSecond());

        clock.Advance(TimeSpan.FromSeconds(1));
        rate.Completed(250);
        Assert.Equal(750, rate.EventsPerSecond());

        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(500, rate.EventsPerSecond());

        // A lull of two seconds, as between two large commits, still reads the lumps before it.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(750 / 3.5, rate.EventsPerSecond()!.Value, precision: 6);

        clock.Advance(TimeSpan.FromSeconds(CompletionRate.WindowSeconds + 1));
        Assert.Null(rate.EventsPerSecond());
    }

    [Fact]
    public void Events_completed_just_before_a_silence_longer_than_the_window_do_not_count_after_it()
    {
        var clock = new SteppedClock();
        var rate = new CompletionRate(clock);
        rate.Completed(400);
        clock.Advance(TimeSpan.FromSeconds(1));
        rate.Completed(300);

        clock.Advance(TimeSpan.FromSeconds(CompletionRate.WindowSeconds + 2));

        Assert.Null(rate.EventsPerSecond());
    }

    /// <summary>Only the timestamp moves: the rate reads nothing else from its clock.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _timestamp = 1_000_000;

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => _timestamp;

        public void Advance(TimeSpan by) => _timestamp += (long)(by.TotalSeconds * TimestampFrequency);
    }
}
