namespace Crm.Silo.Tests.Infrastructure;

/// <summary>Waits for a condition without blocking a thread-pool thread, so the runtime under test keeps its threads.</summary>
public static class Eventually
{
    public static Task Until(Func<bool> condition, double seconds = 5) => Until(() => Task.FromResult(condition()), seconds);

    public static async Task Until(Func<Task<bool>> condition, double seconds = 5)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not reached within {seconds} s");
            await Task.Delay(5);
        }
    }
}
