using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Crm.Bench.Infrastructure;

/// <summary>One suite's figures: printed as a table and written to <c>bench/results/{suite}.json</c> with the command, machine and date.</summary>
public sealed class BenchReport(string suite, string command)
{
    private readonly JsonObject _figures = new();
    private readonly List<(string Name, string Value, string Note)> _rows = [];

    public void Add(string name, double value, string unit, string note = "")
    {
        var rounded = Math.Round(value, value < 10 ? 3 : 1);
        SetPath(name, rounded);
        _rows.Add((name, $"{rounded:N3} {unit}".Replace(".000 ", " "), note));
    }

    /// <summary>A figure the run could not measure, written as null: a made-up number would read as a measurement.</summary>
    public void AddUnmeasured(string name, string note)
    {
        SetPath(name, null);
        _rows.Add((name, "not measured", note));
    }

    private void SetPath(string name, JsonNode? value)
    {
        var parts = name.Split('.');
        var node = _figures;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                node[part] = child = new JsonObject();
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    public void Write()
    {
        var table = new Table().Title($"[bold]{suite}[/]").AddColumns("figure", "value", "note");
        foreach (var (name, value, note) in _rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value), Markup.Escape(note));
        }

        AnsiConsole.Write(table);
        var document = new JsonObject
        {
            ["suite"] = suite,
            ["command"] = command,
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            ["machine"] = new JsonObject
            {
                ["os"] = RuntimeInformation.OSDescription,
                ["cores"] = Environment.ProcessorCount,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
                ["memory_gib"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
            },
            ["figures"] = _figures,
        };
        var folder = Path.Combine(RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{suite}.json");
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        AnsiConsole.MarkupLine($"written to [blue]{Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, path))}[/]");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Crm.sln")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
