using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Runs;

/// <summary>Timeouts and retry backoffs are scheduled messages; a manual clock makes them come due.</summary>
public sealed class TimeoutAndRetryTests
{
    private static PipelineDefinition Training(int attempts) => new("train-only",
    [
        new ActivityDefinition("train", ActivityTypes.Train)
        {
            Inputs = new Dictionary<string, string> { ["modelId"] = "${run.modelId}" },
            Timeout = TimeSpan.FromMinutes(10),
            Retry = new ActivityRetryPolicy(attempts, TimeSpan.FromMinutes(1)),
        },
    ]);

    [Fact]
    public async Task A_timed_out_attempt_is_retried_after_the_backoff_and_its_timer_is_cancelled_when_the_retry_completes()
    {
        var time = new ManualTimeProvider();
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Orchestration = o => o.AddPipeline(Training(3)) });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        var started = time.GetUtcNow();

        await host.StartRunAsync("slow", "train-only");
        await host.Trainer.NextRequestAsync();
        await host.WaitForActivityAsync("slow", "train", ActivityStatus.Waiting);
        await host.DrainOutboxAsync();
        Assert.Equal(["timer:slow:train:1:timeout"], await host.ScheduledTimersAsync());

        time.Advance(TimeSpan.FromMinutes(10));
        var retrying = await host.WaitForActivityAsync("slow", "train", ActivityStatus.Retrying);
        var train = retrying.FindActivity("train")!;
        Assert.Equal(ActivityStatus.TimedOut, train.Attempts[0].Status);
        Assert.Equal(started + TimeSpan.FromMinutes(11), train.NextAttemptAt);
        await host.DrainOutboxAsync();
        Assert.Equal(["timer:slow:train:1:retry"], await host.ScheduledTimersAsync());

        time.Advance(TimeSpan.FromMinutes(1));
        var second = await host.Trainer.NextRequestAsync(2);
        Assert.Equal("slow:train:2", second.RequestId);
        await host.WaitForActivityAsync("slow", "train", ActivityStatus.Waiting);
        await host.DrainOutboxAsync();
        Assert.Equal(["timer:slow:train:2:timeout"], await host.ScheduledTimersAsync());

        // The first attempt's job answers late: it is not the job the run waits for any more.
        var first = host.Trainer.Requests.First();
        var late = await FakeTraining.RecordAsync(host.Catalog, first, 0.99, time.GetUtcNow());
        await host.Bus.PublishAsync(FakeTraining.Trained(first, late, time.GetUtcNow()));
        var version = await FakeTraining.RecordAsync(host.Catalog, second, 0.97, time.GetUtcNow());
        await host.Bus.PublishAsync(FakeTraining.Trained(second, version, time.GetUtcNow()));

        var run = await host.WaitForStateAsync("slow", RunState.Succeeded);
        Assert.Equal("slow:train:2", run.FindActivity("train")!.Outputs!["jobId"]);
        Assert.Equal([ActivityStatus.TimedOut, ActivityStatus.Succeeded], run.FindActivity("train")!.Attempts.Select(a => a.Status));
        await host.DrainOutboxAsync();
        Assert.Empty(await host.ScheduledTimersAsync());
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(run.Version, (await host.Store.GetRunAsync("slow"))!.Version);
    }

    [Fact]
    public async Task Failed_attempts_back_off_exponentially_until_one_succeeds()
    {
        var time = new ManualTimeProvider();
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Orchestration = o => o.AddPipeline(Training(3)) });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.FailFirst = 2;
        var started = time.GetUtcNow();

        await host.StartRunAsync("flaky", "train-only");
        var first = await host.WaitForRunAsync("flaky", r => r.FindActivity("train")!.Attempts.Count == 1 && r.FindActivity("train")!.Status == ActivityStatus.Retrying);
        Assert.Equal(started + TimeSpan.FromMinutes(1), first.FindActivity("train")!.NextAttemptAt);
        await host.DrainOutboxAsync();
        time.Advance(TimeSpan.FromMinutes(1));

        var second = await host.WaitForRunAsync("flaky", r => r.FindActivity("train")!.Attempts.Count == 2 && r.FindActivity("train")!.Status == ActivityStatus.Retrying);
        Assert.Equal(started + TimeSpan.FromMinutes(1) + TimeSpan.FromMinutes(2), second.FindActivity("train")!.NextAttemptAt);
        await host.DrainOutboxAsync();
        time.Advance(TimeSpan.FromMinutes(2));

        var run = await host.WaitForStateAsync("flaky", RunState.Succeeded);
        var attempts = run.FindActivity("train")!.Attempts;
        Assert.Equal([ActivityStatus.Failed, ActivityStatus.Failed, ActivityStatus.Succeeded], attempts.Select(a => a.Status));
        Assert.StartsWith("training job flaky:train:1 failed: diverged", attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal(["flaky:train:1", "flaky:train:2", "flaky:train:3"], host.Trainer.Requests.Select(r => r.RequestId));
    }

    [Theory]
    [InlineData("InsufficientData")]
    [InlineData("CannotFit")]
    [InlineData("SchemaMismatch")]
    public async Task A_training_failure_that_would_repeat_fails_the_activity_at_once_instead_of_retrying(string reason)
    {
        var time = new ManualTimeProvider();
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Orchestration = o => o.AddPipeline(Training(3)) });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.FailFirst = 1;
        host.Trainer.FailureReason = reason;

        await host.StartRunAsync("poisoned", "train-only");

        var run = await host.WaitForStateAsync("poisoned", RunState.Failed);
        var train = run.FindActivity("train")!;
        Assert.Equal(ActivityStatus.Failed, train.Status);
        Assert.StartsWith($"training job poisoned:train:1 failed: {reason}", Assert.Single(train.Attempts).Error, StringComparison.Ordinal);
        Assert.Single(host.Trainer.Requests);
    }

    [Fact]
    public async Task When_every_attempt_times_out_the_run_ends_TimedOut()
    {
        var time = new ManualTimeProvider();
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Orchestration = o => o.AddPipeline(Training(2)) });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;

        await host.StartRunAsync("stuck", "train-only");
        await host.WaitForActivityAsync("stuck", "train", ActivityStatus.Waiting);
        await host.DrainOutboxAsync();
        time.Advance(TimeSpan.FromMinutes(10));
        await host.WaitForActivityAsync("stuck", "train", ActivityStatus.Retrying);
        await host.DrainOutboxAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        await host.WaitForRunAsync("stuck", r => r.FindActivity("train")!.Attempts.Count == 2 && r.FindActivity("train")!.Status == ActivityStatus.Waiting);
        await host.DrainOutboxAsync();
        time.Advance(TimeSpan.FromMinutes(10));

        var run = await host.WaitForStateAsync("stuck", RunState.TimedOut);
        Assert.Equal(ActivityStatus.TimedOut, run.FindActivity("train")!.Status);
        Assert.Equal("activity 'train' timed out: attempt 2 timed out after 00:10:00", run.Error);
        Assert.Equal(2, host.Trainer.Requests.Count);
    }
}
