using Orleans;

namespace Crm.Silo.Tests.Storage;

public interface INoteGrain : IGrainWithStringKey
{
    /// <summary>Keeps <paramref name="text"/> as the grain's state and stores it as note <paramref name="noteId"/> in the same transaction.</summary>
    Task Write(string noteId, string text);
}
