using Crm.Silo.Storage;
using Crm.Silo.Tests.Infrastructure;
using Orleans;
using Orleans.Runtime;

namespace Crm.Silo.Tests.Storage;

/// <summary>A state with a read model: every write stores a <see cref="NoteRow"/> with the state, the way a projection would.</summary>
[GrainType("note")]
public sealed class NoteGrain(Probe probe, [ReadModelState("note")] IReadModelState<NoteState> note) : Grain, INoteGrain
{
    public async Task Write(string noteId, string text)
    {
        note.State.Text = text;
        var stored = note.WriteStateAsync([new NoteRow(noteId, text)]);
        probe.WriteQueued();
        await stored;
    }
}
