namespace Crm.Grains.Intents;

/// <summary>
/// Reads one message and says which intent it shows and why; the seam that lets a different model
/// (another algorithm, a remote service, a workspace's own retrained version) replace the shipped one without touching
/// its callers. Implementations are safe to call from many threads at once.
/// </summary>
public interface IIntentTextModel
{
    IntentPrediction Predict(string text);
}
