using Crm.Silo.Storage;

namespace Crm.Grains.Intents;

/// <summary>The workspace's examples and trained models for the memory provider: gone when the process ends, like everything it stores.</summary>
public sealed class MemoryWorkspaceIntentData(MemoryRowStore store) : IWorkspaceIntentData
{
    public Task<IReadOnlyList<LabelledMessage>> ExamplesAsync(string workspace, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LabelledMessage>>(store.Table(IntentExampleWriter.MemoryTable).Values.OfType<IntentExampleRow>()
            .Where(row => row.Workspace == workspace)
            .OrderByDescending(row => row.CorrectedAt).ThenByDescending(row => row.ExampleId, StringComparer.Ordinal)
            .Take(limit)
            .Select(row => new LabelledMessage(row.Text, row.Intent))
            .ToArray());

    public Task SaveModelAsync(string workspace, int version, DateTimeOffset trainedAt, byte[] payload, CancellationToken cancellationToken)
    {
        var models = store.Table(IntentExampleWriter.MemoryModelTable);
        models[Key(workspace, version)] = payload;
        return Task.CompletedTask;
    }

    public Task DropVersionsBeforeAsync(string workspace, int version, CancellationToken cancellationToken)
    {
        var models = store.Table(IntentExampleWriter.MemoryModelTable);
        foreach (var older in Enumerable.Range(0, version))
        {
            models.TryRemove(Key(workspace, older), out _);
        }

        return Task.CompletedTask;
    }

    public Task<byte[]?> LoadModelAsync(string workspace, int version, CancellationToken cancellationToken) =>
        Task.FromResult(store.Table(IntentExampleWriter.MemoryModelTable).TryGetValue(Key(workspace, version), out var payload) ? (byte[])payload : null);

    private static string Key(string workspace, int version) => $"{workspace}\u001f{version}";
}
