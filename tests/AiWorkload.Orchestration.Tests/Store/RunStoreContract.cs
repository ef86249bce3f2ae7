using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Tests.Store;

/// <summary>
/// What every run store guarantees, whichever database holds it: dedupe in the commit, optimistic versions, single-flight,
/// the outbox, the listings and purging. Each test gets a fresh, empty store. Times carry whole microseconds, the
/// precision PostgreSQL's timestamptz keeps; SQLite keeps ticks, which its own tests cover.
/// </summary>
public abstract partial class RunStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMicroseconds(123_456);

    protected IRunStore Store { get; private set; } = null!;

    /// <summary>A fresh, empty store, cleaned up by <see cref="CleanUpAsync"/>.</summary>
    protected abstract Task<IRunStore> CreateStoreAsync();

    /// <summary>Another instance on the same storage: what a restarted process, or another one sharing it, opens.</summary>
    protected abstract Task<IRunStore> OpenAgainAsync();

    protected abstract Task CleanUpAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => CleanUpAsync();

    [Fact]
    public async Task A_dedupe_key_commits_once_and_a_repeat_writes_nothing()
    {
        var run = Run("r1");

        var first = await Store.CommitAsync(new RunChangeSet("msg-1", Now) { Runs = [new RunWrite(run, null)], Outbox = [Entry("a")] });
        var again = await Store.CommitAsync(new RunChangeSet("msg-1", Now) { Runs = [new RunWrite(Run("r2"), null)], Outbox = [Entry("b")] });

        Assert.Equal(CommitResult.Committed, first.Result);
        Assert.Single(first.OutboxIds);
        Assert.Equal(CommitResult.Duplicate, again.Result);
        Assert.Empty(again.OutboxIds);
        Assert.Null(await Store.GetRunAsync("r2"));
        Assert.Equal(["a"], (await Store.GetPendingOutboxAsync(10)).Select(e => e.MessageId));
        Assert.Equal(1, (await Store.GetRunAsync("r1"))!.Version);
    }

    [Fact]
    public async Task A_change_of_nothing_but_its_dedupe_key_still_records_the_key()
    {
        Assert.False(await Store.IsProcessedAsync("empty"));

        var first = await Store.CommitAsync(new RunChangeSet("empty", Now));
        var again = await Store.CommitAsync(new RunChangeSet("empty", Now));

        Assert.Equal(CommitResult.Committed, first.Result);
        Assert.Empty(first.OutboxIds);
        Assert.True(await Store.IsProcessedAsync("empty"));
        Assert.False(await Store.IsProcessedAsync("EMPTY"));
        Assert.Equal(CommitResult.Duplicate, again.Result);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_conflicts_and_rolls_back_the_whole_change()
    {
        await Store.CommitAsync(new RunChangeSet("create", Now) { Runs = [new RunWrite(Run("r1"), null)] });
        var a = (await Store.GetRunAsync("r1"))!;
        var b = (await Store.GetRunAsync("r1"))!;
        a.State = RunState.Running;
        b.State = RunState.Cancelled;

        var winner = await Store.CommitAsync(new RunChangeSet("a", Now) { Runs = [new RunWrite(a, a.Version)] });
        var loser = await Store.CommitAsync(new RunChangeSet("b", Now)
        {
            Runs = [new RunWrite(b, b.Version)],
            Outbox = [Entry("from-b")],
            Decisions = [Decision("d-b", Now)],
            Schedules = [new ScheduleState("s-b", "p", "cron:* * * * *", Now, "tick-b")],
        });

        Assert.Equal(CommitResult.Committed, winner.Result);
        Assert.Equal(CommitResult.Conflict, loser.Result);
        Assert.Empty(loser.OutboxIds);
        var stored = (await Store.GetRunAsync("r1"))!;
        Assert.Equal(RunState.Running, stored.State);
        Assert.Equal(2, stored.Version);
        Assert.False(await Store.IsProcessedAsync("b"));
        Assert.Empty(await Store.GetPendingOutboxAsync(10));
        Assert.Equal(0, (await Store.QueryDecisionsAsync(new DecisionQuery())).Total);
        Assert.Null(await Store.GetScheduleAsync("s-b"));
    }

    [Fact]
    public async Task A_commit_gives_the_runs_their_new_version_and_a_conflict_leaves_them_as_they_were()
    {
        var run = Run("r1");
        await Store.CommitAsync(new RunChangeSet("create", Now) { Runs = [new RunWrite(run, null)] });
        Assert.Equal(1, run.Version);

        run.State = RunState.Running;
        await Store.CommitAsync(new RunChangeSet("start", Now) { Runs = [new RunWrite(run, run.Version)] });
        var stale = (await Store.GetRunAsync("r1"))!;
        run.State = RunState.Succeeded;
        await Store.CommitAsync(new RunChangeSet("end", Now) { Runs = [new RunWrite(run, run.Version)] });
        stale.State = RunState.Failed;
        var conflict = await Store.CommitAsync(new RunChangeSet("fail", Now) { Runs = [new RunWrite(stale, stale.Version)] });

        Assert.Equal(3, run.Version);
        Assert.Equal(CommitResult.Conflict, conflict.Result);
        Assert.Equal(2, stale.Version);
        var stored = (await Store.GetRunAsync("r1"))!;
        Assert.Equal(3, stored.Version);
        Assert.Equal(RunState.Succeeded, stored.State);
    }

    [Fact]
    public async Task Inserting_a_run_whose_id_exists_conflicts()
    {
        await Store.CommitAsync(new RunChangeSet("one", Now) { Runs = [new RunWrite(Run("r1", pipeline: "first"), null)] });

        var again = await Store.CommitAsync(new RunChangeSet("two", Now) { Runs = [new RunWrite(Run("r1", pipeline: "second"), null)], Outbox = [Entry("x")] });

        Assert.Equal(CommitResult.Conflict, again.Result);
        Assert.Equal("first", (await Store.GetRunAsync("r1"))!.Pipeline);
        Assert.False(await Store.IsProcessedAsync("two"));
        Assert.Empty(await Store.GetPendingOutboxAsync(10));
    }

    [Fact]
    public async Task Updating_a_run_that_was_never_stored_conflicts()
    {
        var result = await Store.CommitAsync(new RunChangeSet("ghost", Now) { Runs = [new RunWrite(Run("nowhere"), 1)] });

        Assert.Equal(CommitResult.Conflict, result.Result);
        Assert.Null(await Store.GetRunAsync("nowhere"));
        Assert.False(await Store.IsProcessedAsync("ghost"));
    }

    [Fact]
    public async Task Two_active_runs_cannot_share_a_flight_key_but_a_finished_one_frees_it()
    {
        var first = Run("r1", flightKey: "m");
        await Store.CommitAsync(new RunChangeSet("one", Now) { Runs = [new RunWrite(first, null)] });

        var second = await Store.CommitAsync(new RunChangeSet("two", Now) { Runs = [new RunWrite(Run("r2", flightKey: "m"), null)] });
        var other = await Store.CommitAsync(new RunChangeSet("other", Now) { Runs = [new RunWrite(Run("r-other", model: "n", flightKey: "n"), null)] });
        first.State = RunState.Succeeded;
        await Store.CommitAsync(new RunChangeSet("end", Now) { Runs = [new RunWrite(first, first.Version)] });
        var third = await Store.CommitAsync(new RunChangeSet("three", Now) { Runs = [new RunWrite(Run("r3", flightKey: "m"), null)] });

        Assert.Equal(CommitResult.Conflict, second.Result);
        Assert.False(await Store.IsProcessedAsync("two"));
        Assert.Equal(CommitResult.Committed, other.Result);
        Assert.Equal(CommitResult.Committed, third.Result);
        Assert.Equal(["r3"], (await Store.GetActiveRunsAsync("m")).Select(r => r.RunId));
    }

    [Fact]
    public async Task A_stored_run_that_takes_a_held_flight_key_conflicts_and_one_that_takes_a_free_key_holds_it()
    {
        await Store.CommitAsync(new RunChangeSet("holder", Now) { Runs = [new RunWrite(Run("r1", flightKey: "m"), null)] });
        var queued = Run("r2");
        await Store.CommitAsync(new RunChangeSet("queued", Now) { Runs = [new RunWrite(queued, null)] });

        queued.FlightKey = "m";
        queued.State = RunState.Running;
        var started = await Store.CommitAsync(new RunChangeSet("start", Now) { Runs = [new RunWrite(queued, queued.Version)] });
        var elsewhere = Run("r3", model: "n");
        await Store.CommitAsync(new RunChangeSet("elsewhere", Now) { Runs = [new RunWrite(elsewhere, null)] });
        elsewhere.FlightKey = "n";
        await Store.CommitAsync(new RunChangeSet("take", Now) { Runs = [new RunWrite(elsewhere, elsewhere.Version)] });
        var rival = await Store.CommitAsync(new RunChangeSet("rival", Now) { Runs = [new RunWrite(Run("r4", model: "n", flightKey: "n"), null)] });

        Assert.Equal(CommitResult.Conflict, started.Result);
        Assert.Equal(CommitResult.Conflict, rival.Result);
    }

    [Fact]
    public async Task Runs_without_a_flight_key_may_be_active_together()
    {
        var result = await Store.CommitAsync(new RunChangeSet("both", Now) { Runs = [new RunWrite(Run("r1"), null), new RunWrite(Run("r2"), null)] });

        Assert.Equal(CommitResult.Committed, result.Result);
        Assert.Equal(2, (await Store.GetActiveRunsAsync("m")).Count);
    }

    [Fact]
    public async Task Everything_committed_is_read_back_by_another_instance_on_the_same_storage()
    {
        var run = RunFactory.Create(null, "p", "r1", "drift", "m", new Dictionary<string, string> { ["x"] = "1" }, Now.AddTicks(7), flightKey: "m");
        run.State = RunState.Running;
        run.StartedAt = Now.AddSeconds(1);
        run.History.Add(new RunHistoryEntry(Now.AddSeconds(1), "train", "Running", "attempt 1"));
        var outcome = await Store.CommitAsync(new RunChangeSet("k", Now)
        {
            Runs = [new RunWrite(run, null)],
            Decisions = [Decision("d1", Now, triggered: true) with { RunId = "r1", Details = new Dictionary<string, string> { ["drop"] = "0.07" } }],
            Schedules = [new ScheduleState("p#0", "p", "cron:* * * * *", Now.AddMinutes(1), "tick")],
            Outbox = [Entry("a") with { RunId = "r1", CorrelationId = "c1", EnqueueAt = Now.AddMinutes(5), Kind = OutboxKind.Schedule, MessageType = "RunTimer", Payload = """{"a":1}""" }],
        });

        var reopened = await OpenAgainAsync();

        var stored = (await reopened.GetRunAsync("r1"))!;
        Assert.Equal("1", stored.Parameters["x"]);
        Assert.Equal(("p", "m", "drift", RunState.Running, "m", 1L), (stored.Pipeline, stored.ModelId, stored.Trigger, stored.State, stored.FlightKey, stored.Version));
        // The run document keeps whatever precision the serializer writes, ticks included, in every store.
        Assert.Equal(Now.AddTicks(7), stored.CreatedAt);
        Assert.Equal(Now.AddSeconds(1), stored.StartedAt);
        Assert.Equal("attempt 1", Assert.Single(stored.History).Detail);
        var decision = Assert.Single((await reopened.QueryDecisionsAsync(new DecisionQuery("m"))).Items);
        Assert.Equal(("d1", "drift", "m", "e-d1", true, "because", "r1", Now), (decision.DecisionId, decision.Policy, decision.ModelId, decision.EventId, decision.Triggered, decision.Reason, decision.RunId, decision.DecidedAt));
        Assert.Equal("0.07", decision.Details["drop"]);
        Assert.Equal(new ScheduleState("p#0", "p", "cron:* * * * *", Now.AddMinutes(1), "tick"), await reopened.GetScheduleAsync("p#0"));
        Assert.True(await reopened.IsProcessedAsync("k"));
        var entry = Assert.Single(await reopened.GetPendingOutboxAsync(10));
        Assert.Equal(outcome.OutboxIds[0], entry.Id);
        Assert.Equal((OutboxKind.Schedule, "RunTimer", "a", """{"a":1}""", "r1", "c1"), (entry.Kind, entry.MessageType, entry.MessageId, entry.Payload, entry.RunId, entry.CorrelationId));
        Assert.Equal((Now.AddMinutes(5), Now, null, null, null, false), (entry.EnqueueAt, entry.CreatedAt, entry.DispatchedAt, entry.SequenceNumber, entry.Destination, entry.Cancelled));
    }

    [Fact]
    public async Task Times_come_back_as_the_same_instants_in_UTC()
    {
        var local = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddMicroseconds(654_321);
        var outcome = await Store.CommitAsync(new RunChangeSet("k", local)
        {
            Decisions = [Decision("d1", local)],
            Schedules = [new ScheduleState("s", "p", "cron:* * * * *", local, "tick")],
            Outbox = [Entry("a") with { Kind = OutboxKind.Schedule, EnqueueAt = local.AddHours(1) }],
        });
        var backlog = await Store.GetOutboxBacklogAsync();
        await Store.MarkDispatchedAsync(outcome.OutboxIds[0], local.AddMinutes(1));
        var entry = (await Store.GetScheduledEntryAsync("a"))!;

        (DateTimeOffset Expected, DateTimeOffset? Actual)[] times =
        [
            (local, (await Store.QueryDecisionsAsync(new DecisionQuery())).Items.Single().DecidedAt),
            (local, (await Store.GetScheduleAsync("s"))!.NextFireAt),
            (local, backlog.OldestCreatedAt),
            (local, entry.CreatedAt),
            (local.AddHours(1), entry.EnqueueAt),
            (local.AddMinutes(1), entry.DispatchedAt),
        ];
        Assert.All(times, t =>
        {
            Assert.Equal(t.Expected.UtcTicks, t.Actual!.Value.UtcTicks);
            Assert.Equal(TimeSpan.Zero, t.Actual.Value.Offset);
        });
    }

    protected static PipelineRun Run(string id, string pipeline = "p", string? model = "m", DateTimeOffset? created = null, string? flightKey = null) =>
        RunFactory.Create(null, pipeline, id, "manual", model, null, created ?? Now, flightKey);

    /// <summary>A running run whose one activity waits for any of <paramref name="types"/>, correlated with the run or not.</summary>
    protected static PipelineRun Waiting(string id, DateTimeOffset created, bool correlated, params string[] types)
    {
        var run = Run(id, created: created);
        run.State = RunState.Running;
        run.Activities.Add(new ActivityRun { Name = "wait", Type = "wait-for-event", Status = ActivityStatus.Waiting, Wait = new EventWait(types) { Correlated = correlated } });
        return run;
    }

    protected static PolicyDecision Decision(string id, DateTimeOffset at, string model = "m", string policy = "drift", bool triggered = false) =>
        new(id, policy, model, "e-" + id, triggered, "because", at);

    protected static OutboxEntry Entry(string id) => new(OutboxKind.Publish, "PipelineRunChanged", id, "{}");

    protected Task<CommitOutcome> CommitAsync(string dedupeKey, DateTimeOffset at, params PipelineRun[] runs) =>
        Store.CommitAsync(new RunChangeSet(dedupeKey, at) { Runs = [.. runs.Select(r => new RunWrite(r, null))] });
}
