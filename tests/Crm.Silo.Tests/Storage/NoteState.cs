using Orleans;

namespace Crm.Silo.Tests.Storage;

[GenerateSerializer]
[Alias("test.NoteState")]
public sealed class NoteState
{
    [Id(0)]
    public string? Text { get; set; }
}
