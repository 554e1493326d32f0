namespace Crm.Grains.Intents;

/// <summary>What a workspace's text model learns from and where its trained versions are kept, in the store the silo writes to.</summary>
public interface IWorkspaceIntentData
{
    /// <summary>The workspace's labelled examples, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LabelledMessage>> ExamplesAsync(string workspace, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a trained version.</summary>
    Task SaveModelAsync(string workspace, int version, DateTimeOffset trainedAt, byte[] payload, CancellationToken cancellationToken);

    /// <summary>Drops the versions before <paramref name="version"/>, once every node was told of it: an erased customer's words leave with them.</summary>
    Task DropVersionsBeforeAsync(string workspace, int version, CancellationToken cancellationToken);

    /// <summary>The stored version, or null when it is not there.</summary>
    Task<byte[]?> LoadModelAsync(string workspace, int version, CancellationToken cancellationToken);
}
