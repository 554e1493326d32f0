using System.Diagnostics;
using Crm.Testing;

namespace Crm.Silo.Tests.Storage;

/// <summary>
/// Starts tests/Crm.Silo.CrashWriter as a child process. The project reference builds it beside this one in the same
/// configuration, so its dll is found from this assembly's own output folder (bin/&lt;configuration&gt;/&lt;framework&gt;).
/// </summary>
public static class CrashWriterProcess
{
    private const string Name = "Crm.Silo.CrashWriter";

    public static Process Start(string connectionString, int keys)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Locate());
        start.ArgumentList.Add(keys.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment[PostgresTestDatabase.EnvironmentVariable] = connectionString;
        return Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
    }

    private static string Locate()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var testsFolder = output.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(testsFolder, Name, "bin", configuration, framework, $"{Name}.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{Name} is not built for {configuration}/{framework}: build tests/Crm.Silo.Tests (it references {Name}) first.", dll);
    }

    /// <summary>The dotnet host running these tests (the CLI exports it), else the one on PATH.</summary>
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
