namespace Crm.Silo.Tests.Storage;

/// <summary>A row stored atomically with a state write, the way a read-model projection would be.</summary>
public sealed record NoteRow(string Id, string Text);
