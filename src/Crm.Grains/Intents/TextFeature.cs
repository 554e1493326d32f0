namespace Crm.Grains.Intents;

/// <summary>
/// A word or a pair of adjacent words as the model counts it (<paramref name="Key"/>, normalized so spelling
/// variants meet) and as the customer wrote it (<paramref name="Surface"/>, lower-cased, for reasons).
/// </summary>
public readonly record struct TextFeature(string Key, string Surface);
