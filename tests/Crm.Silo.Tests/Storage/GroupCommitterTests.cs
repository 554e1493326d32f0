using Crm.Silo.Diagnostics;
using Crm.Silo.Storage;
using Crm.Testing;

namespace Crm.Silo.Tests.Storage;

public sealed class GroupCommitterTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly StorageMetrics _metrics = new();
    private readonly string _prefix = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Two_hundred_and_fifty_concurrent_writers_to_different_keys_share_fewer_batches_than_writes()
    {
        var postgres = new PostgresStateStorage(database.ConnectionString);
        await using var storage = new RecordingStorage(postgres, postgres.MaxConcurrentBatches);
        await storage.InitializeAsync([], CancellationToken.None);
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);
        var keys = Enumerable.Range(0, 250).Select(i => Key($"writer-{i}")).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = keys.Select(key => Task.Run(async () =>
        {
            await start.Task;
            return await committer.WriteAsync(new StateWrite(key, null, """{"value":1}""", []));
        })).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(writers).WaitAsync(Patience);

        Assert.All(outcomes, outcome => Assert.Equal(WriteOutcome.Written(1), outcome));
        Assert.True(storage.Batches.Count < keys.Length, $"{keys.Length} writes took {storage.Batches.Count} batches: nothing was grouped");
        Assert.Equal(keys.Order(), storage.Batches.SelectMany(batch => batch).Select(write => write.Key).Order());
        foreach (var key in keys)
        {
            Assert.Equal(1, (await postgres.ReadAsync(key, CancellationToken.None))?.Version);
        }
    }

    [Fact]
    public async Task No_writer_completes_before_the_batch_holding_its_write_has_returned()
    {
        await using var storage = await MemoryAsync();
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);
        var (first, second) = (new BatchGate(), new BatchGate());
        storage.BeforeBatch = index => index switch { 0 => first.WaitAsync(), 1 => second.WaitAsync(), _ => Task.CompletedTask };
        var blocker = committer.WriteAsync(new StateWrite(Key("blocker"), null, "{}", []));
        await first.Entered;

        var writers = Enumerable.Range(0, 50).Select(i => committer.WriteAsync(new StateWrite(Key($"held-{i}"), null, "{}", []))).ToArray();
        first.Release();
        await second.Entered;
        await blocker.WaitAsync(Patience);
        // Nothing signals that a writer did not complete: a wrong early completion gets a moment to show itself.
        var anyDone = Task.WhenAny(writers);
        await Task.WhenAny(anyDone, Task.Delay(TimeSpan.FromMilliseconds(200)));
        var completedWhileHeld = writers.Count(writer => writer.IsCompleted);
        second.Release();
        var outcomes = await Task.WhenAll(writers).WaitAsync(Patience);

        Assert.Equal(50, storage.Batches[1].Length);
        Assert.Equal(0, completedWhileHeld);
        Assert.All(outcomes, outcome => Assert.Equal(WriteOutcome.Written(1), outcome));
    }

    [Fact]
    public async Task Two_writes_of_one_key_queued_in_one_batch_are_stored_once_newest_state_with_both_rows_and_both_writers_complete()
    {
        await using var storage = await MemoryAsync();
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);
        var gate = new BatchGate();
        storage.BeforeBatch = index => index == 0 ? gate.WaitAsync() : Task.CompletedTask;
        var key = Key("twice");
        _ = committer.WriteAsync(new StateWrite(Key("blocker"), null, "{}", []));
        await gate.Entered;

        var older = committer.WriteAsync(new StateWrite(key, null, """{"value":1}""", [new NoteRow($"{_prefix}-older", "older")]));
        var newer = committer.WriteAsync(new StateWrite(key, null, """{"value":2}""", [new NoteRow($"{_prefix}-newer", "newer")]));
        gate.Release();
        var outcomes = await Task.WhenAll(older, newer).WaitAsync(Patience);

        Assert.Equal([WriteOutcome.Written(1), WriteOutcome.Written(1)], outcomes);
        Assert.Single(storage.Batches.SelectMany(batch => batch), write => write.Key == key);
        Assert.Equal(new StoredState(1, """{"value":2}"""), await storage.ReadAsync(key, CancellationToken.None));
        var notes = ((MemoryStateStorage)storage.Inner).Store.Rows.Table(NoteRowWriter.Table);
        Assert.Equal("older", notes[$"{_prefix}-older"]);
        Assert.Equal("newer", notes[$"{_prefix}-newer"]);
    }

    [Fact]
    public async Task A_stale_write_in_a_batch_fails_only_its_own_writer()
    {
        await using var storage = await MemoryAsync();
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);
        var (stale, fresh, other) = (Key("stale"), Key("fresh"), Key("other"));
        await storage.Inner.WriteBatchAsync([new StateWrite(stale, null, """{"value":"theirs"}""", [])], CancellationToken.None);
        var gate = new BatchGate();
        storage.BeforeBatch = index => index == 0 ? gate.WaitAsync() : Task.CompletedTask;
        _ = committer.WriteAsync(new StateWrite(Key("blocker"), null, "{}", []));
        await gate.Entered;

        var writers = new[] { fresh, stale, other }.Select(key => committer.WriteAsync(new StateWrite(key, null, """{"value":"mine"}""", []))).ToArray();
        gate.Release();
        var outcomes = await Task.WhenAll(writers).WaitAsync(Patience);

        Assert.Equal(3, storage.Batches[1].Length);
        Assert.Equal([WriteOutcome.Written(1), WriteOutcome.Stale(), WriteOutcome.Written(1)], outcomes);
        Assert.Equal("""{"value":"theirs"}""", (await storage.ReadAsync(stale, CancellationToken.None))?.Payload);
        Assert.Equal("""{"value":"mine"}""", (await storage.ReadAsync(other, CancellationToken.None))?.Payload);
    }

    [Fact]
    public async Task A_provider_failure_fails_every_writer_of_its_batch_and_later_writes_are_stored()
    {
        await using var storage = await MemoryAsync();
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);
        var failure = new InvalidOperationException("the database went away");
        var gate = new BatchGate();
        storage.BeforeBatch = index => index switch { 0 => gate.WaitAsync(), 1 => throw failure, _ => Task.CompletedTask };
        var blocker = committer.WriteAsync(new StateWrite(Key("blocker"), null, "{}", []));
        await gate.Entered;

        var failed = Enumerable.Range(0, 10).Select(i => committer.WriteAsync(new StateWrite(Key($"failed-{i}"), null, "{}", []))).ToArray();
        gate.Release();
        var errors = await Task.WhenAll(failed.Select(writer => Record.ExceptionAsync(() => writer.WaitAsync(Patience))));
        var later = await committer.WriteAsync(new StateWrite(Key("later"), null, "{}", [])).WaitAsync(Patience);

        Assert.Equal(WriteOutcome.Written(1), await blocker);
        Assert.Equal(10, storage.Batches[1].Length);
        Assert.All(errors, error => Assert.Same(failure, error));
        Assert.Equal(WriteOutcome.Written(1), later);
        Assert.NotNull(await storage.ReadAsync(Key("later"), CancellationToken.None));
        Assert.Null(await storage.ReadAsync(Key("failed-0"), CancellationToken.None));
    }

    [Fact]
    public async Task Loops_that_find_the_queue_already_drained_send_no_empty_batch()
    {
        await using var storage = await MemoryAsync(maxConcurrentBatches: 4);
        await using var committer = new GroupCommitter(storage, new GroupCommitOptions(), _metrics);

        for (var i = 0; i < 40; i++)
        {
            await committer.WriteAsync(new StateWrite(Key($"one-by-one-{i}"), null, "{}", [])).WaitAsync(Patience);
        }

        Assert.Equal(40, storage.Batches.Sum(batch => batch.Length));
        Assert.DoesNotContain(storage.Batches, batch => batch.Length == 0);
    }

    public void Dispose() => _metrics.Dispose();

    private async Task<RecordingStorage> MemoryAsync(int maxConcurrentBatches = 1)
    {
        var storage = new RecordingStorage(new MemoryStateStorage(), maxConcurrentBatches);
        await storage.InitializeAsync([new NoteRowWriter()], CancellationToken.None);
        return storage;
    }

    private StateKey Key(string name) => new("group-commit.state", $"{_prefix}-{name}");
}
