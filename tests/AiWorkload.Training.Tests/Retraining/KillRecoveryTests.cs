using System.Diagnostics;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Sqlite;
using AiWorkload.Testing;
using AiWorkload.Training.Tests.Learning;
using AiWorkload.Training.Tests.Retraining.Infrastructure;
using Xunit.Abstractions;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>
/// Idempotency under a real crash: the retraining service runs in a child process that is SIGKILLed while a job trains.
/// The restarted service redoes the job from its durable queue and records exactly one version; a duplicate of the same
/// request, past duplicate detection, adds none.
/// </summary>
public sealed class KillRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ScriptDirectory _scripts = new();

    public void Dispose()
    {
        _scripts.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_job_killed_mid_training_is_redone_after_restart_and_records_exactly_one_version()
    {
        using var catalog = new SqliteWorkloadCatalog(_directory.Path);
        await TestData.AddDatasetAsync(catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(200, seed: 1));
        await TestData.RegisterModelAsync(catalog, "churn-model", "churn", trainer: "slow");
        var trainer = _scripts.Write("slow.sh", """
            echo "training on $(wc -l < "$AIW_TRAIN_DATASET") rows" >&2
            sleep 2
            printf 'opaque model' > "$AIW_ARTIFACT"
            printf '{"accuracy": 0.9}' > "$AIW_METRICS"
            """);
        string[] arguments =
        [
            $"--AiWorkload:DataDirectory={_directory.Path}",
            "--Training:ExternalTrainers:slow:Command=sh",
            $"--Training:ExternalTrainers:slow:Arguments:0={trainer}",
        ];
        var clock = Stopwatch.StartNew();

        await using (var first = await CrashHostProcess.StartAsync(arguments))
        {
            output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  first child ready");
            await first.SendAsync("send job-1 churn-model");
            await first.WaitForLineAsync("EVENT TrainingStarted job-1:started");
            output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  TrainingStarted observed; SIGKILL");
            await first.KillAsync();
        }

        Assert.Null(await catalog.GetVersionByJobAsync("churn-model", "job-1")); // killed before the version was recorded

        await using var second = await CrashHostProcess.StartAsync(arguments);
        output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  restarted child ready");
        await second.WaitForLineAsync("EVENT ModelPromoted job-1:promoted");
        output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  the redone job promoted its version");
        var version = Assert.Single(await catalog.GetVersionsAsync("churn-model"));
        Assert.Equal(("job-1", 1), (version.JobId, version.Version));

        // The same request again: resent as is (duplicate detection drops it) and as a resubmitted copy that keeps the
        // MessageId under a new transport id, which reaches the handler and finds the job done.
        await second.SendAsync("send job-1 churn-model");
        await second.SendAsync("resubmit job-1 churn-model");
        await second.WaitForLineAsync("PROCESSED job-1:resubmit complete");
        output.WriteLine($"{clock.ElapsedMilliseconds,6} ms  duplicate handled");

        Assert.Single(await catalog.GetVersionsAsync("churn-model"));
        Assert.Equal(1, second.Lines.Count(l => l.StartsWith("PROCESSED ", StringComparison.Ordinal) && l.EndsWith(" complete", StringComparison.Ordinal) && l.Contains("job-1 ", StringComparison.Ordinal)));
    }
}
