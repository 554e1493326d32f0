using Orleans;
using Orleans.Concurrency;

namespace Crm.Grains.Workspaces;

/// <summary>
/// The periodic sweep of one workspace (keyed by its id): customers whose last sign of life crossed a time threshold since
/// the previous sweep (intent windows, the active window, at-risk, churned) are refreshed. One query over the read model
/// replaces a timer per customer.
/// </summary>
public interface IWorkspaceSweepGrain : IGrainWithStringKey
{
    /// <summary>Refreshes the customers time may have moved; returns how many.</summary>
    Task<int> Sweep();

    /// <summary>Makes sure the sweep wakes by itself every <see cref="SweepOptions.Interval"/>, on whichever node holds its reminder.</summary>
    Task Schedule();
}
