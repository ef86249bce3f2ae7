using System.Diagnostics;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;
using AiWorkload.Training.Tests.Learning;
using AiWorkload.Training.Tests.Retraining.Infrastructure;
using Xunit.Abstractions;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>A job under peek-lock: longer than the lock, and interrupted by shutdown.</summary>
public sealed class JobLifecycleTests(ITestOutputHelper output) : IDisposable
{
    private static readonly MessageSource RetrainingQueue = MessageSource.Queue(WorkloadTopology.RetrainingQueue);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private readonly TemporaryDirectory _directory = new();
    private readonly ScriptDirectory _scripts = new();

    public void Dispose()
    {
        _scripts.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// The product queue's one-minute lock and a job that trains for three minutes of a manual clock: the processor
    /// renews the session lock throughout, so the job is delivered once, trained once and completed.
    /// </summary>
    [Fact]
    public async Task The_lock_is_renewed_while_a_job_outlives_the_queue_lock_so_it_is_trained_and_settled_once()
    {
        var time = new ManualTimeProvider();
        var gated = new GatedTrainer();
        await using var host = await RetrainingHost.StartAsync(_directory.Path, time: time, trainers: gated);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(80, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn", trainer: GatedTrainer.TrainerName);
        using var renewals = new RenewalCounter(host.MessagingTelemetry.Meter);

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "long job", TestData.Now));
        await gated.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Only the job may be in flight while the clock races ahead: the subscriptions settle TrainingStarted first.
        await host.Events.WaitForAsync<TrainingStarted>();
        await host.WaitUntilEmptyAsync($"{WorkloadTopology.WorkloadEventsTopic}/Subscriptions/{WorkloadTopology.OrchestratorSubscription}");
        await host.WaitUntilEmptyAsync($"{WorkloadTopology.WorkloadEventsTopic}/Subscriptions/{WorkloadTopology.InferenceSubscription}");
        var jobLength = 3 * WorkloadTopology.RetrainingLockDuration;
        for (var elapsed = Step; elapsed <= jobLength; elapsed += Step)
        {
            time.Advance(Step);

            // The processor renews 10 s before the lock runs out: every 50 s of a one-minute lock. A renewal that fell due
            // must complete before the clock moves on, however slow the machine, or the clock would outrun the lock.
            var due = (int)(elapsed.TotalSeconds / (WorkloadTopology.RetrainingLockDuration.TotalSeconds - 10));
            var waited = Stopwatch.StartNew();
            while (renewals.Count < due && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5);
            }
        }

        gated.Release.SetResult();
        await host.Events.WaitForAsync<ModelPromoted>();
        await host.WaitUntilQueueEmptyAsync();

        output.WriteLine($"{renewals.Count} lock renewals over a {jobLength.TotalMinutes}-minute job with a {WorkloadTopology.RetrainingLockDuration.TotalMinutes}-minute lock");
        Assert.True(renewals.Count >= 3, $"only {renewals.Count} renewals");
        Assert.Equal(1, gated.Runs);
        Assert.Single(host.Events.Of<TrainingStarted>());
        Assert.Single(await host.Catalog.GetVersionsAsync("churn-model"));
        Assert.Empty(await host.DeadLetters.PeekAsync(RetrainingQueue));
    }

    [Fact]
    public async Task Shutdown_cancels_a_running_job_and_abandons_it_so_the_next_start_redoes_it()
    {
        var started = Path.Combine(_scripts.Path, "started.txt");
        var slow = _scripts.Write("slow.sh", """
            echo started >> "$STARTED"
            sleep 60
            """);
        var fast = _scripts.Write("fast.sh", """
            printf 'model' > "$AIW_ARTIFACT"
            printf '{"accuracy": 0.9}' > "$AIW_METRICS"
            """);
        var settings = new Dictionary<string, string?>
        {
            ["Training:ExternalTrainers:ext:Command"] = "sh",
            ["Training:ExternalTrainers:ext:Arguments:0"] = slow,
            ["Training:ExternalTrainers:ext:Environment:STARTED"] = started,
        };
        var first = await RetrainingHost.StartAsync(_directory.Path, settings);
        await TestData.AddDatasetAsync(first.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(50, seed: 1));
        await TestData.RegisterModelAsync(first.Catalog, "churn-model", "churn", trainer: "ext");
        await first.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "test", TestData.Now));
        await first.Events.WaitForAsync<TrainingStarted>();
        while (!File.Exists(started))
        {
            await Task.Delay(10);
        }

        var clock = Stopwatch.StartNew();
        await first.DisposeAsync();
        output.WriteLine($"shutdown with a job running took {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"shutdown took {clock.Elapsed}: the trainer was waited for, not cancelled");

        settings["Training:ExternalTrainers:ext:Arguments:0"] = fast;
        await using var second = await RetrainingHost.StartAsync(_directory.Path, settings);
        var promoted = await second.Events.WaitForAsync<ModelPromoted>();

        Assert.Equal(("job-1", 1), (promoted.JobId, promoted.Version));
        Assert.Single(await second.Catalog.GetVersionsAsync("churn-model"));
        Assert.Empty(await second.DeadLetters.PeekAsync(RetrainingQueue));
    }
}
