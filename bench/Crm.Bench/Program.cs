using Spectre.Console;

var suites = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !suites.ContainsKey(args[0]))
{
    AnsiConsole.MarkupLine("usage: dotnet run -c Release --project bench/Crm.Bench -- <suite> [--quick]");
    AnsiConsole.MarkupLine(suites.Count == 0 ? "no suites are defined yet" : "suites: " + string.Join(", ", suites.Keys));
    return args.Length == 0 ? 0 : 2;
}

return 0;
