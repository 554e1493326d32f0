namespace Crm.Grains.Customers;

public sealed class NoteNotFoundException(string customerId, string noteId) : Exception($"Customer '{customerId}' has no note '{noteId}'")
{
    public string NoteId { get; } = noteId;
}
