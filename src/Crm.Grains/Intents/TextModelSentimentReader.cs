using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>Puts the installed sentiment model behind the customer grain's <see cref="IMessageSentimentReader"/> port.</summary>
public sealed class TextModelSentimentReader(ISentimentModel model) : IMessageSentimentReader
{
    public MessageSentiment Read(string text, DateTimeOffset at)
    {
        var prediction = model.Predict(text);
        return new MessageSentiment(at, prediction.Sentiment, prediction.Score);
    }
}
