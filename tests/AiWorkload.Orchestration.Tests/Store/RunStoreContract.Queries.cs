using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Tests.Store;

public abstract partial class RunStoreContract
{
    [Fact]
    public async Task Runs_are_listed_newest_first_filtered_and_paged_with_the_total()
    {
        var finished = Run("r3", pipeline: "train", created: Now.AddMinutes(3));
        await CommitAsync("a", Now, Run("r1", created: Now.AddMinutes(1)), Run("r2", model: "other", created: Now.AddMinutes(2)), finished,
            Run("r4", created: Now.AddMinutes(4)), Run("r4b", created: Now.AddMinutes(4)));
        finished.State = RunState.Failed;
        await Store.CommitAsync(new RunChangeSet("b", Now) { Runs = [new RunWrite(finished, finished.Version)] });

        var all = await Store.QueryRunsAsync(new RunQuery(PageSize: 2));
        var second = await Store.QueryRunsAsync(new RunQuery(Page: 2, PageSize: 2));
        var last = await Store.QueryRunsAsync(new RunQuery(Page: 3, PageSize: 2));

        Assert.Equal((5L, true), (all.Total, all.HasMore));
        Assert.Equal(["r4b", "r4"], all.Items.Select(r => r.RunId));
        Assert.Equal((5L, true), (second.Total, second.HasMore));
        Assert.Equal(["r3", "r2"], second.Items.Select(r => r.RunId));
        Assert.Equal((5L, false), (last.Total, last.HasMore));
        Assert.Equal(["r1"], last.Items.Select(r => r.RunId));
        Assert.Empty((await Store.QueryRunsAsync(new RunQuery(Page: 9))).Items);
        Assert.Equal(["r4b", "r4", "r2", "r1"], (await Store.QueryRunsAsync(new RunQuery(Pipeline: "p"))).Items.Select(r => r.RunId));
        Assert.Equal(["r2"], (await Store.QueryRunsAsync(new RunQuery(ModelId: "other"))).Items.Select(r => r.RunId));
        var failed = await Store.QueryRunsAsync(new RunQuery(State: RunState.Failed));
        Assert.Equal((1L, "r3", "train", RunState.Failed), (failed.Total, failed.Items.Single().RunId, failed.Items.Single().Pipeline, failed.Items.Single().State));
        Assert.Equal(0, (await Store.QueryRunsAsync(new RunQuery(Pipeline: "train", ModelId: "other"))).Total);
        Assert.Equal(Now.AddMinutes(3), failed.Items.Single().CreatedAt);
    }

    [Fact]
    public async Task Active_runs_of_a_model_are_its_pending_and_running_ones_oldest_first()
    {
        var running = Run("running", created: Now.AddMinutes(2));
        var done = Run("done", created: Now);
        await CommitAsync("a", Now, Run("pending", created: Now.AddMinutes(3)), running, done, Run("elsewhere", model: "n", created: Now.AddMinutes(1)));
        running.State = RunState.Running;
        done.State = RunState.Cancelled;
        await Store.CommitAsync(new RunChangeSet("b", Now) { Runs = [new RunWrite(running, running.Version), new RunWrite(done, done.Version)] });

        Assert.Equal(["running", "pending"], (await Store.GetActiveRunsAsync("m")).Select(r => r.RunId));
        Assert.Equal(RunState.Running, (await Store.GetActiveRunsAsync("m"))[0].State);
        Assert.Empty(await Store.GetActiveRunsAsync("nobody"));
    }

    [Fact]
    public async Task Runs_waiting_for_an_event_type_are_the_running_ones_with_an_uncorrelated_wait_on_it()
    {
        var later = Waiting("later", Now.AddMinutes(2), correlated: false, "ModelTrained", "DataIngested");
        var pending = Waiting("pending", Now, correlated: false, "ModelTrained");
        pending.State = RunState.Pending;
        await CommitAsync("a", Now, later, Waiting("earlier", Now.AddMinutes(1), correlated: false, "ModelTrained"),
            Waiting("correlated", Now, correlated: true, "ModelTrained"), pending, Waiting("wildcards", Now, correlated: false, "Model_rained%"));

        Assert.Equal(["earlier", "later"], await Store.GetRunsWaitingForAsync("ModelTrained"));
        Assert.Equal(["later"], await Store.GetRunsWaitingForAsync("DataIngested"));
        Assert.Equal(["wildcards"], await Store.GetRunsWaitingForAsync("Model_rained%"));
        Assert.Empty(await Store.GetRunsWaitingForAsync("Model"));
        Assert.Empty(await Store.GetRunsWaitingForAsync("Model%"));

        later.Activities[0].Status = ActivityStatus.Succeeded;
        await Store.CommitAsync(new RunChangeSet("b", Now) { Runs = [new RunWrite(later, later.Version)] });

        Assert.Equal(["earlier"], await Store.GetRunsWaitingForAsync("ModelTrained"));
        Assert.Empty(await Store.GetRunsWaitingForAsync("DataIngested"));
    }

    [Fact]
    public async Task Decisions_are_listed_newest_first_filtered_and_paged_and_an_id_is_recorded_once()
    {
        await Store.CommitAsync(new RunChangeSet("a", Now)
        {
            Decisions = [Decision("d1", Now), Decision("d2", Now.AddMinutes(1), triggered: true), Decision("d3", Now.AddMinutes(2), policy: "new-data"),
                Decision("d4", Now.AddMinutes(3), model: "n", triggered: true)],
        });
        var repeat = await Store.CommitAsync(new RunChangeSet("b", Now) { Decisions = [Decision("d1", Now.AddDays(1)) with { Reason = "again" }] });

        Assert.Equal(CommitResult.Committed, repeat.Result);
        var first = await Store.QueryDecisionsAsync(new DecisionQuery(PageSize: 3));
        Assert.Equal((4L, true), (first.Total, first.HasMore));
        Assert.Equal(["d4", "d3", "d2"], first.Items.Select(d => d.DecisionId));
        Assert.Equal(["d1"], (await Store.QueryDecisionsAsync(new DecisionQuery(Page: 2, PageSize: 3))).Items.Select(d => d.DecisionId));
        Assert.Equal("because", (await Store.QueryDecisionsAsync(new DecisionQuery(Page: 2, PageSize: 3))).Items.Single().Reason);
        Assert.Equal(["d3", "d2", "d1"], (await Store.QueryDecisionsAsync(new DecisionQuery("m"))).Items.Select(d => d.DecisionId));
        Assert.Equal(["d2", "d1"], (await Store.QueryDecisionsAsync(new DecisionQuery("m", "drift"))).Items.Select(d => d.DecisionId));
        Assert.Equal(["d4", "d2"], (await Store.QueryDecisionsAsync(new DecisionQuery(Triggered: true))).Items.Select(d => d.DecisionId));
        Assert.Equal(["d3", "d1"], (await Store.QueryDecisionsAsync(new DecisionQuery(Triggered: false))).Items.Select(d => d.DecisionId));
        Assert.Equal(0, (await Store.QueryDecisionsAsync(new DecisionQuery("n", Triggered: false))).Total);
    }

    [Fact]
    public async Task The_last_triggered_decision_of_a_model_and_policy_is_its_latest_triggered_one()
    {
        await Store.CommitAsync(new RunChangeSet("a", Now)
        {
            Decisions = [Decision("old", Now, triggered: true), Decision("latest", Now.AddMinutes(1), triggered: true), Decision("untriggered", Now.AddMinutes(2)),
                Decision("other-policy", Now.AddMinutes(3), policy: "new-data", triggered: true), Decision("other-model", Now.AddMinutes(4), model: "n", triggered: true)],
        });

        var last = await Store.GetLastTriggeredDecisionAsync("m", "drift");

        Assert.Equal(("latest", Now.AddMinutes(1)), (last!.DecisionId, last.DecidedAt));
        Assert.Equal("other-policy", (await Store.GetLastTriggeredDecisionAsync("m", "new-data"))!.DecisionId);
        Assert.Null(await Store.GetLastTriggeredDecisionAsync("nobody", "drift"));
    }

    [Fact]
    public async Task A_schedule_is_replaced_by_its_key()
    {
        await Store.CommitAsync(new RunChangeSet("a", Now) { Schedules = [new ScheduleState("p#0", "p", "cron:0 * * * *", Now, "tick-1"), new ScheduleState("q#0", "q", "every:5m", Now, "q-1")] });
        await Store.CommitAsync(new RunChangeSet("b", Now) { Schedules = [new ScheduleState("p#0", "p2", "cron:30 * * * *", Now.AddHours(1), "tick-2")] });

        Assert.Equal(new ScheduleState("p#0", "p2", "cron:30 * * * *", Now.AddHours(1), "tick-2"), await Store.GetScheduleAsync("p#0"));
        Assert.Equal("q-1", (await Store.GetScheduleAsync("q#0"))!.TickMessageId);
        Assert.Null(await Store.GetScheduleAsync("missing"));
    }
}
