using Crm.Grains.Identities;
using Crm.Grains.Ingest;

namespace Crm.Bench.Ingest;

/// <summary>
/// The customers the adapters write about, half reached by email and half on WhatsApp, the same for the engine and the
/// baseline. Each customer's running event count numbers its conversations: a new one every eight events.
/// </summary>
public sealed class BenchPopulation(int customers)
{
    private readonly int[] _events = new int[customers];

    public int Customers => customers;

    public static ChannelIdentity IdentityOf(int customer) => customer % 2 == 0
        ? new ChannelIdentity(Channel.Email, $"customer{customer}@bench.example.com")
        : new ChannelIdentity(Channel.Whatsapp, $"+4471{customer:D8}");

    public string ConversationOf(int customer) => $"c{customer}-{Interlocked.Increment(ref _events[customer]) / 8}";
}
