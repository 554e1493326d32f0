namespace Crm.Grains.Intents;

/// <summary>A message whose intent a person decided; what a text model learns from.</summary>
public record LabelledMessage(string Text, Intent Intent);
