using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Crm.Testing;
using Crm.Web.Tests.Infrastructure;

namespace Crm.Web.Tests.Durability;

/// <summary>
/// The built service run as a child process on PostgreSQL, so a test can SIGKILL it mid-load and start it again on the
/// same database. The project reference copies Crm.Web.dll with its deps and runtimeconfig files into this assembly's
/// output folder, in the same configuration, so the dll is found beside the tests.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const string ServiceDll = "Crm.Web.dll";
    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Set just before the SIGKILL: adapters that then lose a request know why.</summary>
    public bool Killed { get; private set; }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the service printed, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <param name="ports">
    /// The node's ports. A node started again takes the ports it had, as a configured node does: its silo then supersedes
    /// its killed predecessor in the cluster's membership at once, instead of waiting for the others to declare it dead.
    /// </param>
    /// <param name="settings">More command-line settings, such as the cluster to join.</param>
    public static async Task<ServiceProcess> StartAsync(string connectionString, TimeSpan readyWithin, NodePorts ports, params string[] settings)
    {
        var address = new Uri($"http://127.0.0.1:{ports.Http}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            Locate(), "--urls", address.ToString().TrimEnd('/'), $"--Cluster:SiloPort={ports.Silo}", $"--Cluster:GatewayPort={ports.Gateway}", "--Storage:Provider=Postgres",
            $"--ConnectionStrings:Crm={connectionString}", $"--CRM_BOOTSTRAP_KEY={RunningService.AdminKey}", .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test process carries the server-wide connection string: the child must not see it, only its own database.
        start.Environment[PostgresTestDatabase.EnvironmentVariable] = connectionString;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{ServiceDll} did not start.");
        var service = new ServiceProcess(process, address);
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync(readyWithin);
        return service;
    }

    /// <summary>A client that presents <paramref name="key"/> as a bearer token.</summary>
    public HttpClient ClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>SIGKILL on Linux: no shutdown hook, no flush, no graceful stop of the silo.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a node: the host shuts down and the silo leaves the cluster gracefully.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to process {_process.Id}.");
        }

        using var patience = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(patience.Token);
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan readyWithin)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < readyWithin)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                if ((await probe.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await KillAsync();
        throw new TimeoutException($"The service was not ready within {readyWithin}:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept)
        {
            _output.TryDequeue(out _);
        }
    }

    private static string Locate()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, ServiceDll);
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        return File.Exists(dll) && File.Exists(runtimeConfig)
            ? dll
            : throw new FileNotFoundException($"{ServiceDll} and its runtimeconfig are not beside the tests: build tests/Crm.Web.Tests (it references src/Crm.Web) first.", dll);
    }


    /// <summary>The dotnet host running these tests (the CLI exports it), else the one on PATH.</summary>
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

/// <summary>A node's HTTP, silo and gateway ports, kept across its restarts.</summary>
public sealed record NodePorts(int Http, int Silo, int Gateway)
{
    /// <summary>Three free ports, all held open while picked so they differ.</summary>
    public static NodePorts Free()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
            return new NodePorts(ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
