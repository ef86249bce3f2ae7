using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Store;

/// <summary>The store's guarantees the engine relies on: dedupe in the commit, optimistic versions, single-flight.</summary>
public sealed class SqliteRunStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_dedupe_key_commits_once_and_a_repeat_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        using var store = new SqliteRunStore(directory.Path);
        var run = RunFactory.Create(null, "p", "r1", "manual", "m", null, Now);

        var first = await store.CommitAsync(new RunChangeSet("msg-1", Now) { Runs = [new RunWrite(run, null)], Outbox = [Entry("a")] });
        var again = await store.CommitAsync(new RunChangeSet("msg-1", Now) { Runs = [new RunWrite(RunFactory.Create(null, "p", "r2", "manual", "m", null, Now), null)], Outbox = [Entry("b")] });

        Assert.Equal(CommitResult.Committed, first.Result);
        Assert.Single(first.OutboxIds);
        Assert.Equal(CommitResult.Duplicate, again.Result);
        Assert.Null(await store.GetRunAsync("r2"));
        Assert.Equal(["a"], (await store.GetPendingOutboxAsync(10)).Select(e => e.MessageId));
        Assert.Equal(1, (await store.GetRunAsync("r1"))!.Version);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_conflicts_and_rolls_back_the_whole_change()
    {
        using var directory = new TemporaryDirectory();
        using var store = new SqliteRunStore(directory.Path);
        await store.CommitAsync(new RunChangeSet("create", Now) { Runs = [new RunWrite(RunFactory.Create(null, "p", "r1", "manual", "m", null, Now), null)] });
        var a = (await store.GetRunAsync("r1"))!;
        var b = (await store.GetRunAsync("r1"))!;
        a.State = RunState.Running;
        b.State = RunState.Cancelled;

        var winner = await store.CommitAsync(new RunChangeSet("a", Now) { Runs = [new RunWrite(a, a.Version)] });
        var loser = await store.CommitAsync(new RunChangeSet("b", Now) { Runs = [new RunWrite(b, b.Version)], Outbox = [Entry("from-b")] });

        Assert.Equal(CommitResult.Committed, winner.Result);
        Assert.Equal(CommitResult.Conflict, loser.Result);
        Assert.Equal(RunState.Running, (await store.GetRunAsync("r1"))!.State);
        Assert.False(await store.IsProcessedAsync("b"));
        Assert.Empty(await store.GetPendingOutboxAsync(10));
    }

    [Fact]
    public async Task Two_active_runs_cannot_share_a_flight_key_but_a_finished_one_frees_it()
    {
        using var directory = new TemporaryDirectory();
        using var store = new SqliteRunStore(directory.Path);
        var first = RunFactory.Create(null, "p", "r1", "drift", "m", null, Now, flightKey: "m");
        await store.CommitAsync(new RunChangeSet("one", Now) { Runs = [new RunWrite(first, null)] });

        var second = await store.CommitAsync(new RunChangeSet("two", Now) { Runs = [new RunWrite(RunFactory.Create(null, "p", "r2", "drift", "m", null, Now, flightKey: "m"), null)] });
        first.State = RunState.Succeeded;
        await store.CommitAsync(new RunChangeSet("end", Now) { Runs = [new RunWrite(first, first.Version)] });
        var third = await store.CommitAsync(new RunChangeSet("three", Now) { Runs = [new RunWrite(RunFactory.Create(null, "p", "r3", "drift", "m", null, Now, flightKey: "m"), null)] });

        Assert.Equal(CommitResult.Conflict, second.Result);
        Assert.Equal(CommitResult.Committed, third.Result);
        Assert.Equal(["r3"], (await store.GetActiveRunsAsync("m")).Select(r => r.RunId));
    }

    [Fact]
    public async Task Everything_committed_is_there_after_reopening_the_file()
    {
        using var directory = new TemporaryDirectory();
        using (var store = new SqliteRunStore(directory.Path))
        {
            await store.CommitAsync(new RunChangeSet("k", Now)
            {
                Runs = [new RunWrite(RunFactory.Create(null, "p", "r1", "manual", "m", new Dictionary<string, string> { ["x"] = "1" }, Now), null)],
                Decisions = [new PolicyDecision("d1", "drift", "m", "e1", false, "fine", Now)],
                Schedules = [new ScheduleState("p#0", "p", "cron:* * * * *", Now, "tick")],
            });
        }

        using var reopened = new SqliteRunStore(directory.Path);
        Assert.Equal("1", (await reopened.GetRunAsync("r1"))!.Parameters["x"]);
        Assert.Equal("fine", (await reopened.QueryDecisionsAsync(new DecisionQuery("m"))).Items.Single().Reason);
        Assert.Equal("tick", (await reopened.GetScheduleAsync("p#0"))!.TickMessageId);
        Assert.True(await reopened.IsProcessedAsync("k"));
    }

    private static OutboxEntry Entry(string id) => new(OutboxKind.Publish, "PipelineRunChanged", id, "{}");
}
