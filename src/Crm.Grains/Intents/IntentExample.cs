namespace Crm.Grains.Intents;

/// <summary>
/// One line of a shipped dataset. <paramref name="Register"/> says how it is written
/// (chat, email, typos, emoji, mixed_case); <paramref name="Language"/> is its ISO 639-1 code (en, es, pt, fr);
/// <paramref name="Sentiment"/> how the customer sounds; <paramref name="Ambiguous"/> marks messages a second reader
/// could label differently, kept so the evaluation is not flattered by easy cases only.
/// </summary>
public sealed record IntentExample(string Id, string Text, Intent Intent, string Register, string Language, Sentiment Sentiment, bool Ambiguous)
    : LabelledMessage(Text, Intent);
