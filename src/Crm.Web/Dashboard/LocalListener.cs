using Crm.Grains.Dashboard;

namespace Crm.Web.Dashboard;

/// <summary>
/// This node's observer reference, as the registry and the other nodes know it; created on first use (the silo is
/// running by then) and kept here, which keeps Orleans from dropping it.
/// </summary>
public sealed class LocalListener(IGrainFactory grains, IServiceProvider services)
{
    private IDashboardListener? _reference;

    /// <summary>
    /// The receiver is resolved here rather than injected: it pushes through the feed, which reads the listener
    /// directory, which hands this reference to the registry.
    /// </summary>
    public IDashboardListener Reference => LazyInitializer.EnsureInitialized(
        ref _reference,
        () => grains.CreateObjectReference<IDashboardListener>(services.GetRequiredService<RemoteBatchReceiver>()));

    public bool Is(IDashboardListener listener) => _reference is { } self && listener.GetGrainId() == self.GetGrainId();
}
