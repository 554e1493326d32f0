using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Crm.Web.Tests.Dashboard;

/// <summary>
/// The npm <c>@microsoft/signalr</c> client running under Node (<c>NodeClient/dashboard-client.mjs</c>): one JSON line
/// per hub invocation on its standard output. The test command installs its packages with <c>npm ci</c>.
/// </summary>
public sealed class NodeDashboardClient : IAsyncDisposable
{
    private readonly Process _node;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _received = [];

    private NodeDashboardClient(Process node)
    {
        _node = node;
        node.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } data)
            {
                var message = JsonDocument.Parse(data).RootElement.Clone();
                lock (_received)
                {
                    _received.Add(message);
                }

                _lines.Writer.TryWrite(message);
            }
        };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
    }

    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public static async Task<NodeDashboardClient> StartAsync(Uri service, string key, params string[] follow)
    {
        var folder = ClientFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "signalr")))
        {
            throw new InvalidOperationException($"The Node dashboard client's packages are missing: run `npm ci` in {folder} (./test.sh does).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "dashboard-client.mjs", service.ToString(), key }.Concat(follow))
        {
            start.ArgumentList.Add(argument);
        }

        var client = new NodeDashboardClient(Process.Start(start)!);
        var first = await client.NextAsync(TimeSpan.FromSeconds(20));
        if (!first.TryGetProperty("ready", out _))
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"the Node client did not connect: {first}");
        }

        return client;
    }

    /// <summary>
    /// Answers the first invocation of <paramref name="method"/> since start that satisfies <paramref name="match"/>,
    /// waiting for it if it has not arrived: pushes of one flush may come in any order the test did not expect.
    /// </summary>
    public async Task<JsonElement> WaitForAsync(string method, Func<JsonElement, bool> match, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        var scanned = 0;
        while (true)
        {
            var received = Received;
            for (; scanned < received.Count; scanned++)
            {
                if (received[scanned].TryGetProperty("method", out var name) && name.GetString() == method && match(received[scanned].GetProperty("payload")))
                {
                    return received[scanned].GetProperty("payload");
                }
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no {method} matching within {within}; received: {string.Join(", ", received)}");
            }

            await NextAsync(remaining);
        }
    }

    private async Task<JsonElement> NextAsync(TimeSpan within)
    {
        try
        {
            return await _lines.Reader.ReadAsync().AsTask().WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the Node client said nothing within {within}; received: {string.Join(", ", Received)}");
        }
    }

    private static string ClientFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Crm.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "Crm.Web.Tests", "Dashboard", "NodeClient");
            }
        }

        throw new InvalidOperationException("Crm.sln not found above the test assembly.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.StandardInput.Close();
            if (!_node.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _node.Kill(entireProcessTree: true);
            }
        }

        await _node.WaitForExitAsync();
        _node.Dispose();
    }
}
