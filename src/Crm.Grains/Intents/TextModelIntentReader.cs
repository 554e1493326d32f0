using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>Puts the installed text model behind the customer grain's <see cref="IMessageIntentReader"/> port.</summary>
public sealed class TextModelIntentReader(IIntentTextModel model) : IMessageIntentReader
{
    public MessageIntent Read(string text, DateTimeOffset at)
    {
        var prediction = model.Predict(text);
        return new MessageIntent(at, prediction.Intent, prediction.Score, prediction.Reasons);
    }
}
