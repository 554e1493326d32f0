using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>Reads the intent of one inbound message with its workspace's text model: the customer grain's port to whichever model is installed.</summary>
public interface IMessageIntentReader
{
    /// <summary>The model the workspace's messages are read with now.</summary>
    Task<IIntentTextModel> ModelAsync(string workspace);

    MessageIntent Read(IIntentTextModel model, string text, DateTimeOffset at);
}
