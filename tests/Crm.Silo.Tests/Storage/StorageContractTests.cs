using Crm.Silo.Storage;
using Crm.Silo.Tests.Infrastructure;
using Orleans.Storage;

namespace Crm.Silo.Tests.Storage;

/// <summary>
/// What every <see cref="IStateStorage"/> promises, run against each provider by a derived class that says how to
/// make another instance over the same store (another process, in effect) and how to read a note row back. The last
/// test makes the same promise through Orleans: a grain's <see cref="IReadModelState{TState}"/> over the provider.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<IStateRowWriter> RowWriters = [new NoteRowWriter()];

    private readonly List<IStateStorage> _instances = [];

    protected IStateStorage Storage { get; private set; } = null!;

    /// <summary>A new provider instance over the store every other instance of this test uses.</summary>
    protected abstract IStateStorage CreateInstance();

    /// <summary>The text of the note stored under <paramref name="id"/>, read from the store itself, or null.</summary>
    protected abstract Task<string?> StoredNoteAsync(string id);

    public async Task InitializeAsync() => Storage = await StartInstanceAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reading_a_missing_record_returns_null()
    {
        var stored = await Storage.ReadAsync(NewKey(), CancellationToken.None);

        Assert.Null(stored);
    }

    [Fact]
    public async Task A_first_write_expecting_no_record_stores_version_1_and_reads_back_its_payload()
    {
        var key = NewKey();

        var outcome = await WriteOneAsync(key, null, """{"value":1}""");
        var stored = await Storage.ReadAsync(key, CancellationToken.None);

        Assert.Equal(WriteOutcome.Written(1), outcome);
        Assert.Equal(new StoredState(1, """{"value":1}"""), stored);
    }

    [Fact]
    public async Task Listing_keys_pages_through_one_state_type_in_order_and_leaves_out_cleared_records_and_other_types()
    {
        var type = $"listing{NewId()}.state";
        var keys = Enumerable.Range(0, 7).Select(i => $"ws/{i:D2}-{NewId()}").ToArray();
        foreach (var key in keys)
        {
            await WriteOneAsync(new StateKey(type, key), null, "{}");
        }

        await WriteOneAsync(new StateKey($"other{NewId()}.state", "ws/00"), null, "{}");
        await WriteOneAsync(new StateKey(type, keys[3]), 1, null);

        var seen = new List<string>();
        for (string? after = null; ;)
        {
            var page = await Storage.ListKeysAsync(type, after, 2, CancellationToken.None);
            Assert.True(page.Count <= 2);
            seen.AddRange(page);
            if (page.Count < 2)
            {
                break;
            }

            after = page[^1];
        }

        Assert.Equal(keys.Where((_, i) => i != 3), seen);
        Assert.Empty(await Storage.ListKeysAsync($"none{NewId()}.state", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_update_with_the_current_version_succeeds_and_bumps_the_version()
    {
        var key = NewKey();
        await WriteOneAsync(key, null, """{"value":1}""");

        var second = await WriteOneAsync(key, 1, """{"value":2}""");
        var third = await WriteOneAsync(key, 2, """{"value":3}""");
        var stored = await Storage.ReadAsync(key, CancellationToken.None);

        Assert.Equal(WriteOutcome.Written(2), second);
        Assert.Equal(WriteOutcome.Written(3), third);
        Assert.Equal(new StoredState(3, """{"value":3}"""), stored);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(3L)]
    public async Task A_stale_or_future_version_is_a_conflict_and_leaves_storage_unchanged(long expected)
    {
        var key = NewKey();
        await WriteOneAsync(key, null, """{"value":1}""");
        await WriteOneAsync(key, 1, """{"value":2}""");

        var outcome = await WriteOneAsync(key, expected, """{"value":"lost"}""");
        var stored = await Storage.ReadAsync(key, CancellationToken.None);

        Assert.True(outcome.Conflict);
        Assert.Equal(new StoredState(2, """{"value":2}"""), stored);
    }

    [Fact]
    public async Task An_insert_when_a_record_exists_is_a_conflict_and_keeps_the_record()
    {
        var key = NewKey();
        await WriteOneAsync(key, null, """{"value":1}""");

        var outcome = await WriteOneAsync(key, null, """{"value":"lost"}""");
        var stored = await Storage.ReadAsync(key, CancellationToken.None);

        Assert.True(outcome.Conflict);
        Assert.Equal(new StoredState(1, """{"value":1}"""), stored);
    }

    [Fact]
    public async Task An_update_of_a_missing_record_is_a_conflict_and_creates_nothing()
    {
        var key = NewKey();

        var outcome = await WriteOneAsync(key, 1, """{"value":"lost"}""");
        var stored = await Storage.ReadAsync(key, CancellationToken.None);

        Assert.True(outcome.Conflict);
        Assert.Null(stored);
    }

    [Fact]
    public async Task A_clear_with_the_current_version_deletes_the_record()
    {
        var key = NewKey();
        await WriteOneAsync(key, null, """{"value":1}""");
        await WriteOneAsync(key, 1, """{"value":2}""");

        var outcome = await WriteOneAsync(key, 2, null);
        var stored = await Storage.ReadAsync(key, CancellationToken.None);

        Assert.Equal(WriteOutcome.Written(null), outcome);
        Assert.Null(stored);
    }

    [Fact]
    public async Task A_clear_with_a_stale_version_is_a_conflict_and_keeps_the_record()
    {
        var key = NewKey();
        await WriteOneAsync(key, null, """{"value":1}""");
        await WriteOneAsync(key, 1, """{"value":2}""");

        var outcome = await WriteOneAsync(key, 1, null);
        var stored = await Storage.ReadAsync(key, CancellationToken.None);

        Assert.True(outcome.Conflict);
        Assert.Equal(new StoredState(2, """{"value":2}"""), stored);
    }

    [Fact]
    public async Task A_clear_expecting_no_record_succeeds_when_there_is_none_and_conflicts_when_another_writer_stored_one()
    {
        var absent = NewKey();
        var present = NewKey();
        await WriteOneAsync(present, null, """{"value":1}""");

        var ofAbsent = await WriteOneAsync(absent, null, null);
        var ofPresent = await WriteOneAsync(present, null, null);

        Assert.Equal(WriteOutcome.Written(null), ofAbsent);
        Assert.True(ofPresent.Conflict);
        Assert.Equal(new StoredState(1, """{"value":1}"""), await Storage.ReadAsync(present, CancellationToken.None));
    }

    [Fact]
    public async Task In_a_batch_a_stale_write_fails_alone_and_the_rest_is_stored()
    {
        var updated = NewKey();
        var stale = NewKey();
        var inserted = NewKey();
        var cleared = NewKey();
        await WriteOneAsync(updated, null, """{"value":1}""");
        await WriteOneAsync(stale, null, """{"value":1}""");
        await WriteOneAsync(stale, 1, """{"value":2}""");
        await WriteOneAsync(cleared, null, """{"value":1}""");

        var outcomes = await Storage.WriteBatchAsync(
            [
                new StateWrite(updated, 1, """{"value":2}""", []),
                new StateWrite(stale, 1, """{"value":"lost"}""", []),
                new StateWrite(inserted, null, """{"value":1}""", []),
                new StateWrite(cleared, 1, null, []),
            ],
            CancellationToken.None);

        Assert.Equal([WriteOutcome.Written(2), WriteOutcome.Stale(), WriteOutcome.Written(1), WriteOutcome.Written(null)], outcomes);
        Assert.Equal(new StoredState(2, """{"value":2}"""), await Storage.ReadAsync(updated, CancellationToken.None));
        Assert.Equal(new StoredState(2, """{"value":2}"""), await Storage.ReadAsync(stale, CancellationToken.None));
        Assert.Equal(new StoredState(1, """{"value":1}"""), await Storage.ReadAsync(inserted, CancellationToken.None));
        Assert.Null(await Storage.ReadAsync(cleared, CancellationToken.None));
    }

    [Fact]
    public async Task Rows_of_stored_writes_are_stored_with_them_and_rows_of_a_stale_write_are_not()
    {
        var fresh = NewKey();
        var existing = NewKey();
        var stale = NewKey();
        await WriteOneAsync(existing, null, """{"value":1}""");
        await WriteOneAsync(stale, null, """{"value":1}""");
        var notes = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid().ToString("N")).ToArray();

        var outcomes = await Storage.WriteBatchAsync(
            [
                new StateWrite(fresh, null, """{"value":1}""", [new NoteRow(notes[0], "fresh a"), new NoteRow(notes[1], "fresh b")]),
                new StateWrite(stale, null, """{"value":"lost"}""", [new NoteRow(notes[2], "stale")]),
                new StateWrite(existing, 1, """{"value":2}""", [new NoteRow(notes[3], "existing")]),
            ],
            CancellationToken.None);

        Assert.Equal([false, true, false], outcomes.Select(outcome => outcome.Conflict));
        Assert.Equal("fresh a", await StoredNoteAsync(notes[0]));
        Assert.Equal("fresh b", await StoredNoteAsync(notes[1]));
        Assert.Null(await StoredNoteAsync(notes[2]));
        Assert.Equal("existing", await StoredNoteAsync(notes[3]));
    }

    [Fact]
    public async Task A_batch_whose_rows_the_store_refuses_fails_whole_and_stores_no_state()
    {
        var duplicate = Guid.NewGuid().ToString("N");
        var earlier = NewKey();
        var updated = NewKey();
        var inserted = NewKey();
        await WriteOneAsync(earlier, null, """{"value":1}""", new NoteRow(duplicate, "first"));
        await WriteOneAsync(updated, null, """{"value":1}""");

        var refused = await Record.ExceptionAsync(() => Storage.WriteBatchAsync(
            [
                new StateWrite(updated, 1, """{"value":"lost"}""", []),
                new StateWrite(inserted, null, """{"value":"lost"}""", [new NoteRow(duplicate, "second")]),
            ],
            CancellationToken.None));

        Assert.NotNull(refused);
        Assert.Equal(new StoredState(1, """{"value":1}"""), await Storage.ReadAsync(updated, CancellationToken.None));
        Assert.Null(await Storage.ReadAsync(inserted, CancellationToken.None));
        Assert.Equal("first", await StoredNoteAsync(duplicate));
    }

    [Fact]
    public async Task Initializing_the_schema_again_and_from_other_instances_at_once_is_harmless()
    {
        var key = NewKey();
        var note = Guid.NewGuid().ToString("N");
        await WriteOneAsync(key, null, """{"value":1}""", new NoteRow(note, "kept"));

        await Storage.InitializeAsync(RowWriters, CancellationToken.None);
        var others = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(StartInstanceAsync)));
        var outcome = await others[0].WriteBatchAsync([new StateWrite(key, 1, """{"value":2}""", [])], CancellationToken.None);

        Assert.Equal([WriteOutcome.Written(2)], outcome);
        Assert.Equal(new StoredState(2, """{"value":2}"""), await Storage.ReadAsync(key, CancellationToken.None));
        Assert.Equal("kept", await StoredNoteAsync(note));
    }

    [Fact]
    public async Task Two_instances_racing_on_one_key_with_the_same_expected_version_have_exactly_one_winner_each_round()
    {
        const int rounds = 40;
        var key = NewKey();
        var other = await StartInstanceAsync();
        long? expected = null;

        for (var round = 0; round < rounds; round++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var contenders = new[] { Storage, other }.Select((instance, index) => Task.Run(async () =>
            {
                await start.Task;
                var outcomes = await instance.WriteBatchAsync([new StateWrite(key, expected, $$"""{"round":{{round}},"by":{{index}}}""", [])], CancellationToken.None);
                return outcomes[0];
            })).ToArray();
            start.SetResult();
            var outcomes = await Task.WhenAll(contenders);

            var winner = Assert.Single(Enumerable.Range(0, 2), index => !outcomes[index].Conflict);
            Assert.Equal(WriteOutcome.Written((expected ?? 0) + 1), outcomes[winner]);
            var stored = await Storage.ReadAsync(key, CancellationToken.None);
            Assert.Equal(new StoredState((expected ?? 0) + 1, $$"""{"round":{{round}},"by":{{winner}}}"""), stored);
            expected = stored!.Version;
        }
    }

    [Fact]
    public async Task Through_a_silo_a_stale_read_model_write_fails_alone_storing_none_of_its_rows_while_a_fresh_one_in_its_batch_lands_with_its_row()
    {
        var siloStorage = new RecordingStorage(CreateInstance());
        await using var silo = await TestSilo.StartAsync(siloStorage);
        var probe = silo.Service<Probe>();
        var (freshKey, staleKey) = (NewId(), NewId());
        var (freshState, staleState) = (new StateKey("note.note", freshKey), new StateKey("note.note", staleKey));
        var fresh = silo.Grains.GetGrain<INoteGrain>(freshKey);
        var stale = silo.Grains.GetGrain<INoteGrain>(staleKey);
        await fresh.Write(NewId(), "fresh 1");
        await stale.Write(NewId(), "stale 1");
        var behindItsBack = await Storage.WriteBatchAsync([new StateWrite(staleState, 1, """{"text":"theirs"}""", [])], CancellationToken.None);
        Assert.Equal([WriteOutcome.Written(2)], behindItsBack);

        // Holding a batch at the provider queues the next two writes behind it, so they share the batch after it.
        var gate = new BatchGate();
        var held = siloStorage.Batches.Count;
        var queuedBefore = probe.QueuedWrites;
        siloStorage.BeforeBatch = index => index == held ? gate.WaitAsync() : Task.CompletedTask;
        var blocker = silo.Grains.GetGrain<INoteGrain>(NewId()).Write(NewId(), "blocker");
        await gate.Entered;
        var (freshNote, staleNote) = (NewId(), NewId());
        var freshWrite = fresh.Write(freshNote, "fresh 2");
        var staleWrite = stale.Write(staleNote, "stale 2");
        await Eventually.Until(() => probe.QueuedWrites == queuedBefore + 3, seconds: 10);
        gate.Release();
        var staleError = await Record.ExceptionAsync(() => staleWrite);
        await freshWrite;
        await blocker;

        Assert.Equal(new[] { freshState, staleState }.Order(), siloStorage.Batches[held + 1].Select(write => write.Key).Order());
        Assert.IsType<InconsistentStateException>(staleError);
        Assert.Null(await StoredNoteAsync(staleNote));
        Assert.Equal(new StoredState(2, """{"text":"theirs"}"""), await Storage.ReadAsync(staleState, CancellationToken.None));
        Assert.Equal("fresh 2", await StoredNoteAsync(freshNote));
        Assert.Equal(new StoredState(2, """{"text":"fresh 2"}"""), await Storage.ReadAsync(freshState, CancellationToken.None));
    }

    private async Task<IStateStorage> StartInstanceAsync()
    {
        var instance = CreateInstance();
        lock (_instances)
        {
            _instances.Add(instance);
        }

        await instance.InitializeAsync(RowWriters, CancellationToken.None);
        return instance;
    }

    private async Task<WriteOutcome> WriteOneAsync(StateKey key, long? expected, string? payload, params object[] rows)
    {
        var outcomes = await Storage.WriteBatchAsync([new StateWrite(key, expected, payload, rows)], CancellationToken.None);
        return Assert.Single(outcomes);
    }

    private static StateKey NewKey() => new("contract.state", Guid.NewGuid().ToString("N"));

    private static string NewId() => Guid.NewGuid().ToString("N");
}
