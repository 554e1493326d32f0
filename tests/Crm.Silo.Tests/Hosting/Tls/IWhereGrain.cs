using Orleans;

namespace Crm.Silo.Tests.Hosting.Tls;

public interface IWhereGrain : IGrainWithStringKey
{
    /// <summary>Answers with <paramref name="text"/> and the address of the silo the activation lives on.</summary>
    Task<string> Echo(string text);
}
