namespace Crm.Silo;

/// <summary>Hands out grain references: cheap, no I/O, usable anywhere.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
