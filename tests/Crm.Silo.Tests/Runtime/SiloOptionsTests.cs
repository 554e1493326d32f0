using Crm.Silo.Tests.Infrastructure;

namespace Crm.Silo.Tests.Runtime;

public sealed class SiloOptionsTests
{
    [Fact]
    public async Task A_setting_that_would_stall_the_runtime_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(options => options.GroupCommit.MaxBatchSize = 0));

        Assert.Equal("Silo:GroupCommit:MaxBatchSize must be at least 1.", error.Message);
    }
}
