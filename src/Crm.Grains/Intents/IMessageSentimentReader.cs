using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>Reads how one inbound message sounds: the customer grain's port to whichever sentiment model is installed.</summary>
public interface IMessageSentimentReader
{
    MessageSentiment Read(string text, DateTimeOffset at);
}
