using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Policies;

/// <summary>The drift policy: decay detection, cool-down, single-flight, and a recorded reason for every decision.</summary>
public sealed class DriftPolicyTests
{
    [Fact]
    public async Task Metrics_that_degrade_past_the_margin_retrain_and_promote_a_new_version_end_to_end()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);

        await host.Bus.PublishAsync(Report("m1", 0.80));

        var decision = await WaitForDecisionsAsync(host, 1);
        Assert.True(decision[0].Triggered);
        Assert.Equal("accuracy 0.8 is 0.1 worse than promoted version 1's validation 0.9 (allowed 0.05)", decision[0].Reason);
        Assert.Equal("0.9", decision[0].Details["baseline"]);
        var run = await host.WaitForStateAsync(decision[0].RunId!, RunState.Succeeded);
        Assert.Equal(DefaultPipelines.RetrainOnDrift, run.Pipeline);
        Assert.Equal(PolicyNames.Drift, run.Trigger);
        Assert.Equal(decision[0].Reason, run.Parameters["reason"]);
        var promoted = (await host.Catalog.GetPromotedVersionAsync(Seed.Model))!;
        Assert.Equal(2, promoted.Version);
        Assert.Equal(run.FindActivity("train")!.Outputs!["jobId"], promoted.JobId);
    }

    [Fact]
    public async Task Every_report_gets_a_decision_with_its_reason_including_the_ones_that_trigger_nothing()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);

        await host.Bus.PublishAsync(Report("ok", 0.88));
        await host.Bus.PublishAsync(Report("other-metric", 0.1, metric: "f1"));
        await host.Bus.PublishAsync(Report("unknown", 0.1, model: "ghost"));
        await host.Bus.PublishAsync(Report("calm-score", 0.9, driftScore: 0.1));

        var decisions = await WaitForDecisionsAsync(host, 4, modelId: null);
        Assert.All(decisions, d => Assert.False(d.Triggered));
        Assert.Equal("accuracy 0.88 is within 0.05 of promoted version 1's validation 0.9", Reason(decisions, "ok"));
        Assert.Equal("metric 'f1' is not the drift metric 'accuracy'", Reason(decisions, "other-metric"));
        Assert.Equal("model 'ghost' is not registered", Reason(decisions, "unknown"));
        Assert.Equal("drift score 0.1 is within 0.3; accuracy 0.9 is within 0.05 of promoted version 1's validation 0.9", Reason(decisions, "calm-score"));
        Assert.Equal(0, (await host.Store.QueryRunsAsync(new RunQuery())).Total);
    }

    [Fact]
    public async Task A_burst_of_bad_metrics_starts_one_retraining_and_records_why_the_others_did_not()
    {
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Options = o => o.MaxConcurrentCalls = 4 });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;

        await host.Bus.PublishBatchAsync([.. Enumerable.Range(0, 12).Select(i => Report($"burst-{i}", 0.5 + (i * 0.01), driftScore: i % 2 == 0 ? 0.9 : null))]);

        var decisions = await WaitForDecisionsAsync(host, 12);
        var described = string.Join(Environment.NewLine, decisions.Select(d => $"{d.EventId} {d.Triggered} {d.RunId} {d.Reason}"));
        var triggered = decisions.Where(d => d.Triggered).ToList();
        Assert.True(triggered.Count == 1, described);
        // Handlers run concurrently: one that read the store just before the run was committed and just after its decision
        // reports the cool-down that run started instead; either way every other decision names the one run.
        Assert.True(decisions.Where(d => !d.Triggered).All(d =>
            d.Reason.EndsWith($"but run {triggered[0].RunId} is already retraining the model", StringComparison.Ordinal) ||
            d.Reason.Contains($"(drift retraining {triggered[0].RunId} started", StringComparison.Ordinal)), described);
        var active = await host.Store.GetActiveRunsAsync(Seed.Model);
        Assert.Equal(triggered[0].RunId, Assert.Single(active).RunId);
        await host.Trainer.NextRequestAsync();
        await Task.Delay(50);
        Assert.Single(host.Trainer.Requests);
    }

    [Fact]
    public async Task After_a_retraining_the_model_cools_down_before_drift_can_start_another()
    {
        var time = new ManualTimeProvider();
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time });
        await Seed.ModelAsync(host.Catalog);
        await host.Bus.PublishAsync(Report("first", 0.80));
        var first = (await WaitForDecisionsAsync(host, 1))[0];
        await host.WaitForStateAsync(first.RunId!, RunState.Succeeded);

        time.Advance(TimeSpan.FromMinutes(59));
        await host.Bus.PublishAsync(Report("too-soon", 0.70));
        var tooSoon = (await WaitForDecisionsAsync(host, 2)).Single(d => d.EventId == "too-soon");
        Assert.False(tooSoon.Triggered);
        Assert.Contains("but the model is in cool-down until 2026-01-01T13:00:00.0000000+00:00", tooSoon.Reason, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(2));
        await host.Bus.PublishAsync(Report("later", 0.70));
        var later = (await WaitForDecisionsAsync(host, 3)).Single(d => d.EventId == "later");
        Assert.True(later.Triggered);
        Assert.StartsWith("accuracy 0.7 is 0.25 worse than promoted version 2's validation 0.95", later.Reason, StringComparison.Ordinal);
        await host.WaitForStateAsync(later.RunId!, RunState.Succeeded);
    }

    [Fact]
    public async Task A_drift_score_above_the_threshold_triggers_even_when_the_metric_looks_fine()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);

        await host.Bus.PublishAsync(Report("shifted", 0.91, driftScore: 0.45));

        var decision = (await WaitForDecisionsAsync(host, 1))[0];
        Assert.True(decision.Triggered);
        Assert.Equal("drift score 0.45 exceeds the threshold 0.3", decision.Reason);
    }

    internal static ModelMetricsReported Report(string eventId, double value, double? driftScore = null, string metric = "accuracy", string model = Seed.Model) =>
        new(eventId, model, metric, value, driftScore, DateTimeOffset.UtcNow);

    private static string Reason(IEnumerable<PolicyDecision> decisions, string eventId) => decisions.Single(d => d.EventId == eventId).Reason;

    internal static async Task<IReadOnlyList<PolicyDecision>> WaitForDecisionsAsync(OrchestrationHost host, int count, string? modelId = Seed.Model, string policy = PolicyNames.Drift)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await host.Store.QueryDecisionsAsync(new DecisionQuery(modelId, policy, PageSize: 100));
            if (page.Items.Count >= count)
            {
                return page.Items;
            }

            Assert.True(DateTime.UtcNow < deadline, $"expected {count} decisions, got {page.Items.Count}");
            await Task.Delay(10);
        }
    }
}
