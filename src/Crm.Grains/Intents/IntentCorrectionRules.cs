using Crm.Grains.Customers;

namespace Crm.Grains.Intents;

/// <summary>
/// How an agent's confirmation or correction of a customer's intent lives on, the rule manual lifecycle changes follow:
/// it stands while the computed intent (<see cref="IntentRules.Combine"/>) is what it was when the agent chose, and once
/// the computed intent moves away from that, the computed signal takes over again and the correction is gone. A
/// correction to sales opportunity, support or general also teaches the workspace's text model: the customer's inbound
/// messages that voted in the signal (those of the last <see cref="IntentRules.MessageWindowDays"/> days) become
/// labelled examples of the workspace.
/// </summary>
public static class IntentCorrectionRules
{
    public const int NoteMaxLength = 500;

    /// <summary>How much of a message is kept to learn from: enough for what a message says, bounded for state and examples.</summary>
    public const int ExampleTextLimit = 500;

    /// <summary>The intents a message's text can teach; no engagement comes from silence, not text.</summary>
    public static readonly IReadOnlyCollection<Intent> LearnableIntents = [Intent.SalesOpportunity, Intent.Support, Intent.General];

    /// <summary>The signal to show now and whether the correction has expired (the computed intent moved past it).</summary>
    public static (IntentSignal Signal, bool CorrectionExpired) Resolve(IntentCorrection? correction, IntentSignal computed)
    {
        if (correction is null)
        {
            return (computed, false);
        }

        return correction.ComputedIntentThen == computed.Intent
            ? (Signal(correction, computed), false)
            : (computed with { Reasons = [.. computed.Reasons, $"replaces the correction of {correction.Actor}"] }, true);
    }

    /// <summary>The corrected signal: certain, its reason the agent's choice; a confirmation keeps the computed reasons after it.</summary>
    public static IntentSignal Signal(IntentCorrection correction, IntentSignal computed)
    {
        var reason = correction.Confirmed ? $"confirmed by {correction.Actor}" : $"corrected by {correction.Actor}";
        var agent = new IntentReason
        {
            Kind = IntentReasonKind.Agent,
            Text = correction.Note is { Length: > 0 } note ? $"{reason}: {note}" : reason,
            Share = 1.0,
            At = correction.At,
        };
        return new IntentSignal(correction.Intent, 1.0, correction.Confirmed ? [reason, .. computed.Reasons.Take(2)] : [reason])
        {
            Why = correction.Confirmed ? [agent, .. computed.Why.Take(4)] : [agent],
        };
    }

    /// <summary>The texts of the inbound messages that voted in the signal at <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<MessageIntent> VotingMessages(CustomerState state, DateTimeOffset now) =>
        state.RecentMessageIntents.Where(m => m.Text is { Length: > 0 } && (now - m.At).TotalDays <= IntentRules.MessageWindowDays).ToArray();

    public static string KeptText(string text) => text.Length > ExampleTextLimit ? text[..ExampleTextLimit] : text;
}
