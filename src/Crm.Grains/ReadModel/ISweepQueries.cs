namespace Crm.Grains.ReadModel;

/// <summary>
/// What the background passes over a workspace read: which workspaces have customers, who was last heard from in a time
/// range (the sweep), and every customer in id order (segment evaluation).
/// </summary>
public interface ISweepQueries
{
    Task<IReadOnlyList<string>> WorkspacesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Customers whose last sign of life (latest of last contact, last activity and first seen) lies in [<paramref name="from"/>,
    /// <paramref name="to"/>), by id after <paramref name="afterId"/>, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<string>> CustomerIdsAsync(string workspace, string? afterId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> LastHeardBetweenAsync(string workspace, DateTimeOffset from, DateTimeOffset to, string? afterId, int limit, CancellationToken cancellationToken = default);
}
