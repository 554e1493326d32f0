namespace Crm.Grains.Intents;

/// <summary>
/// One line of the shipped dataset. <paramref name="Register"/> says how it is written
/// (chat, email, typos, emoji, mixed_case); <paramref name="Ambiguous"/> marks messages a second reader
/// could label differently, kept so the evaluation is not flattered by easy cases only.
/// </summary>
public sealed record IntentExample(string Id, string Text, Intent Intent, string Register, bool Ambiguous)
    : LabelledMessage(Text, Intent);
