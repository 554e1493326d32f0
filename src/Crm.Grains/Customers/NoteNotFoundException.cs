using Orleans;

namespace Crm.Grains.Customers;

[GenerateSerializer]
[Alias("crm.NoteNotFoundException")]
public sealed class NoteNotFoundException(string customerId, string noteId) : Exception($"Customer '{customerId}' has no note '{noteId}'")
{
    [Id(0)]
    public string CustomerId { get; private init; } = customerId;

    [Id(1)]
    public string NoteId { get; private init; } = noteId;
}
