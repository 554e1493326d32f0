using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>
/// Puts each workspace's text model behind the customer grain's <see cref="IMessageIntentReader"/> port, and keeps the
/// start of the message, so an agent's correction can teach the workspace's model.
/// </summary>
public sealed class TextModelIntentReader(WorkspaceIntentModels models) : IMessageIntentReader
{
    public Task<IIntentTextModel> ModelAsync(string workspace) => models.GetAsync(workspace);

    public MessageIntent Read(IIntentTextModel model, string text, DateTimeOffset at)
    {
        var prediction = model.Predict(text);
        return new MessageIntent(at, prediction.Intent, prediction.Score, prediction.Reasons) { Text = IntentCorrectionRules.KeptText(text) };
    }
}
