using Crm.Silo.Storage;

namespace Crm.Grains.Tests.Infrastructure;

/// <summary>A test storage that wraps a real one; the ledger of applied event ids reads the real one's tables.</summary>
public interface IWrappedStorage
{
    IStateStorage Inner { get; }
}
