namespace Crm.Grains.Intents;

/// <summary>One inbound message an agent's correction labelled: a training example of the workspace's text model.</summary>
public sealed record IntentExampleRow(string Workspace, string CustomerId, DateTimeOffset MessageAt, string Text, Intent Intent, string Actor, DateTimeOffset CorrectedAt)
{
    /// <summary>One row per message: a message labelled again takes its latest label.</summary>
    public string ExampleId => $"{CustomerId}/{MessageAt.ToUnixTimeMilliseconds()}/{Digest(Text)}";

    /// <summary>FNV-1a, stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static string Digest(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
