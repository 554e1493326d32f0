namespace Crm.Grains.Intents;

/// <summary>
/// Reads one message and says which intent it shows and why; the seam that lets a different model
/// (another algorithm, a remote service) replace the local one without touching its callers.
/// </summary>
public interface IIntentTextModel
{
    IntentPrediction Predict(string text);
}
