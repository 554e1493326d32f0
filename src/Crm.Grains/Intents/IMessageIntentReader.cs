using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>Reads the intent of one inbound message: the customer grain's port to whichever text model is installed.</summary>
public interface IMessageIntentReader
{
    MessageIntent Read(string text, DateTimeOffset at);
}
