using System.Diagnostics;
using System.Reflection;
using System.Text;
using Xunit.Abstractions;

namespace Crm.Browser.Tests.Infrastructure;

/// <summary>
/// Runs one scenario of <c>browser/scenarios</c> with Node and playwright-core in Debian's headless Chromium against a
/// running service; the scenario's own assertions decide, and its output becomes the failure message.
/// </summary>
public static class BrowserScenario
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Folder { get; } = typeof(BrowserScenario).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BrowserTestsDirectory").Value!;

    /// <summary>Where the scenarios write their screenshots: the repository's artifacts folder, which git ignores.</summary>
    public static string ScreenshotFolder { get; } = Path.GetFullPath(Path.Combine(Folder, "..", "..", "artifacts", "screenshots"));

    /// <summary>Runs <paramref name="scenario"/>; what it prints (timings among it) goes to <paramref name="log"/>.</summary>
    public static async Task RunAsync(string scenario, Uri service, string key, ITestOutputHelper log)
    {
        Assert.True(
            Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")),
            $"playwright-core is not installed: run `npm ci` in {Folder} (./test.sh does).");

        var start = new ProcessStartInfo("node", ["browser/run.mjs", scenario])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["CRM_URL"] = service.ToString(),
                ["CRM_KEY"] = key,
                ["CRM_SCREENSHOTS"] = ScreenshotFolder,
            },
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = new StringBuilder();
        var reading = Task.WhenAll(Pump(node.StandardOutput, output), Pump(node.StandardError, output));
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"Scenario {scenario} did not finish within {Timeout.TotalSeconds:0} s:\n{output}");
        }

        await reading;
        log.WriteLine(output.ToString());
        Assert.True(node.ExitCode == 0, $"Scenario {scenario} failed (exit {node.ExitCode}):\n{output}");
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
