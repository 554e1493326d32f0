using Orleans;

namespace Crm.Silo.Tests.Storage;

public interface IStampGrain : IGrainWithStringKey
{
    Task Set(string value);

    Task<string?> Get();
}
