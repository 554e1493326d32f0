namespace Crm.Grains.Intents;

/// <summary>Reads how one inbound message sounds: negative, neutral or positive. Safe to call from many threads at once.</summary>
public interface ISentimentModel
{
    SentimentPrediction Predict(string text);
}
