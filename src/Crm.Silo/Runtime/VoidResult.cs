namespace Crm.Silo.Runtime;

/// <summary>The result type of grain methods that return <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
internal readonly struct VoidResult;
