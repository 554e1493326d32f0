using Crm.Silo.Hosting;
using Crm.Silo.Storage;
using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Hosting;

public sealed class SiloOptionsTests
{
    [Theory]
    [InlineData("MaxQueuedRequestsPerActivation", "must be at least 1")]
    [InlineData("ResponseTimeout", "must be positive")]
    [InlineData("DefaultCollectionAge", "must be at least 00:01:00 (Orleans' minimum collection age)")]
    [InlineData("GroupCommit:MaxBatchSize", "must be at least 1")]
    [InlineData("GroupCommit:MaxBatchDelay", "must not be negative")]
    public void A_setting_that_would_stall_the_silo_is_refused_by_name_with_its_rule(string setting, string rule)
    {
        var options = new SiloOptions();
        BreakSetting(options, setting);

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Equal($"Silo:{setting} {rule}.", error.Message);
    }

    [Fact]
    public void The_defaults_and_the_least_each_rule_allows_are_accepted()
    {
        var least = new SiloOptions
        {
            MaxQueuedRequestsPerActivation = 1,
            ResponseTimeout = TimeSpan.FromTicks(1),
            DefaultCollectionAge = TimeSpan.FromMinutes(1),
            GroupCommit = new GroupCommitOptions { MaxBatchSize = 1, MaxBatchDelay = TimeSpan.Zero },
        };

        new SiloOptions().Validate();
        least.Validate();
    }

    [Fact]
    public async Task A_silo_given_a_setting_that_would_stall_it_does_not_start_and_names_the_setting()
    {
        var options = new SiloOptions { GroupCommit = new GroupCommitOptions { MaxBatchSize = 0 } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(new MemoryStateStorage(), options));

        Assert.Equal("Silo:GroupCommit:MaxBatchSize must be at least 1.", error.Message);
    }

    private static void BreakSetting(SiloOptions options, string setting)
    {
        switch (setting)
        {
            case "MaxQueuedRequestsPerActivation":
                options.MaxQueuedRequestsPerActivation = 0;
                break;
            case "ResponseTimeout":
                options.ResponseTimeout = TimeSpan.Zero;
                break;
            case "DefaultCollectionAge":
                options.DefaultCollectionAge = TimeSpan.FromSeconds(59);
                break;
            case "GroupCommit:MaxBatchSize":
                options.GroupCommit.MaxBatchSize = 0;
                break;
            case "GroupCommit:MaxBatchDelay":
                options.GroupCommit.MaxBatchDelay = TimeSpan.FromMilliseconds(-1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(setting), setting, "no way to break this setting is known");
        }
    }
}
