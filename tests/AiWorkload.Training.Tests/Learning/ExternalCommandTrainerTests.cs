using System.Diagnostics;
using System.Text;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class ExternalCommandTrainerTests : IDisposable
{
    private readonly ScriptDirectory scripts = new();

    public void Dispose() => scripts.Dispose();

    [Fact]
    public async Task A_successful_program_yields_its_artifact_and_metrics()
    {
        var script = scripts.Write("train.sh", """
            set -eu
            {
              echo "task=$AIW_TASK features=$AIW_FEATURES label=$AIW_LABEL classes=$AIW_CLASSES seed=$AIW_SEED"
              echo "train=$(($(wc -l < "$AIW_TRAIN_DATASET") - 1)) validation=$(($(wc -l < "$AIW_VALIDATION_DATASET") - 1)) all=$(($(wc -l < "$AIW_DATASET") - 1))"
              head -n 1 "$AIW_TRAIN_DATASET"
            } > "$AIW_ARTIFACT"
            echo "fitting..." >&2
            printf '{"accuracy": 0.93, "f1": 0.91, "roc_auc": 0.97, "epochs": 12, "note": "ignored"}' > "$AIW_METRICS"
            """);
        var trainer = Trainer(script, contentType: "application/x-test-model");
        var data = SyntheticData.SeparableBinary(100);

        var outcome = await trainer.TrainAsync(data, TrainingOptions.Default with { Seed = 5 }, CancellationToken.None);

        Assert.Equal(
            "task=classification features=x1,x2 label=buys classes=no,yes seed=5\ntrain=80 validation=20 all=100\nx1,x2,buys\n",
            Encoding.UTF8.GetString(outcome.Artifact.Bytes));
        Assert.Equal("application/x-test-model", outcome.Artifact.ContentType);
        Assert.Equal(0.93, outcome.ValidationMetrics.Accuracy);
        Assert.Equal(0.97, outcome.ValidationMetrics.RocAuc);
        Assert.Null(outcome.ValidationMetrics.LogLoss);
        Assert.Equal(12, outcome.EpochsRun);
        Assert.Equal(20, outcome.ValidationMetrics.EvaluatedRows);
        Assert.Equal(TrainingStopReason.ExternalProgramCompleted, outcome.StopReason);
        Assert.Null(outcome.Model);
        Assert.Equal("sh-trainer", outcome.TrainerName);
    }

    [Fact]
    public async Task The_program_sees_the_same_split_as_the_built_in_trainers()
    {
        var script = scripts.Write("copy.sh", """
            cp "$AIW_VALIDATION_DATASET" "$AIW_ARTIFACT"
            printf '{"rmse": 1.5, "r2": 0.8}' > "$AIW_METRICS"
            """);
        var data = SyntheticData.KnownLinear(60, noise: 1);

        var outcome = await Trainer(script).TrainAsync(data, TrainingOptions.Default, CancellationToken.None);

        var validation = TabularDataset.ReadCsv(new MemoryStream(outcome.Artifact.Bytes), ["x1", "x2"], "y", ModelTask.Regression);
        var expected = DataSplit.Create(data, 0.2, 42).ValidationIndices;
        Assert.Equal(expected.Select(data.GetTarget), Enumerable.Range(0, validation.RowCount).Select(validation.GetTarget));
        Assert.Equal(PrimaryMetric.For(MetricNames.Rmse, 1.5), outcome.ValidationMetrics.Primary);
    }

    [Fact]
    public async Task A_non_zero_exit_reports_the_code_and_the_tail_of_stderr()
    {
        var script = scripts.Write("fail.sh", """
            for i in $(seq -w 1 30); do echo "stderr line $i" >&2; done
            echo "not in the message" 
            exit 3
            """);

        var error = await Assert.ThrowsAsync<TrainingFailedException>(() => Trainer(script).TrainAsync(SyntheticData.SeparableBinary(40), TrainingOptions.Default, CancellationToken.None));

        Assert.Equal(3, error.ExitCode);
        Assert.False(error.TimedOut);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("stderr line 30", error.Message, StringComparison.Ordinal);
        Assert.Contains("stderr line 11", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stderr line 10", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not in the message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_stderr_output_is_capped_at_4_kb()
    {
        var script = scripts.Write("noisy.sh", """
            head -c 100000 /dev/zero | tr '\0' 'x' >&2
            echo >&2
            echo "the real error" >&2
            exit 1
            """);

        var error = await Assert.ThrowsAsync<TrainingFailedException>(() => Trainer(script).TrainAsync(SyntheticData.SeparableBinary(40), TrainingOptions.Default, CancellationToken.None));

        Assert.EndsWith("the real error", error.Message, StringComparison.Ordinal);
        Assert.True(error.StandardErrorTail.Length <= 4096 + 3, $"tail was {error.StandardErrorTail.Length} characters");
    }

    [Fact]
    public async Task Overrunning_the_time_budget_kills_the_whole_process_tree()
    {
        var pidFile = Path.Combine(scripts.Path, "sleeper.pid");
        var script = scripts.Write("slow.sh", $"""
            echo "starting a long job" >&2
            sleep 30 &
            echo $! > '{pidFile}'
            wait
            """);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TrainingFailedException>(() => Trainer(script).TrainAsync(
            SyntheticData.SeparableBinary(40), TrainingOptions.Default with { TimeBudget = TimeSpan.FromSeconds(1) }, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.True(error.TimedOut);
        Assert.Null(error.ExitCode);
        Assert.Contains("time budget of 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("starting a long job", error.Message, StringComparison.Ordinal);
        var sleeper = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await StopsWithinAsync(sleeper, TimeSpan.FromSeconds(5)), "the grandchild sleep survived");
    }

    [Fact]
    public async Task Cancellation_kills_the_program()
    {
        var script = scripts.Write("sleep.sh", "sleep 30\n");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Trainer(script).TrainAsync(SyntheticData.SeparableBinary(40), TrainingOptions.Default, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("printf 'model' > \"$AIW_ARTIFACT\"", "no metrics file")]
    [InlineData("printf '{\"accuracy\": 0.9}' > \"$AIW_METRICS\"", "wrote no artifact")]
    [InlineData("printf 'model' > \"$AIW_ARTIFACT\"; printf '{\"f1\": 0.9}' > \"$AIW_METRICS\"", "lacks 'accuracy'")]
    [InlineData("printf 'model' > \"$AIW_ARTIFACT\"; printf '{\"accuracy\": 1.7}' > \"$AIW_METRICS\"", "impossible value 1.7")]
    [InlineData("printf 'model' > \"$AIW_ARTIFACT\"; printf '{\"accuracy\": \"high\"}' > \"$AIW_METRICS\"", "finite number")]
    [InlineData("printf 'model' > \"$AIW_ARTIFACT\"; printf 'accuracy=0.9' > \"$AIW_METRICS\"", "not valid JSON")]
    public async Task Broken_outputs_after_a_clean_exit_fail_with_the_broken_rule(string body, string expected)
    {
        var script = scripts.Write("broken.sh", body + "\n");

        var error = await Assert.ThrowsAsync<TrainingFailedException>(() => Trainer(script).TrainAsync(SyntheticData.SeparableBinary(40), TrainingOptions.Default, CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.ExitCode);
    }

    [Fact]
    public async Task A_missing_program_fails_with_a_clear_error()
    {
        var trainer = new ExternalCommandTrainer(new ExternalTrainerOptions { Name = "ghost", FileName = Path.Combine(scripts.Path, "does-not-exist") });

        var error = await Assert.ThrowsAsync<TrainingFailedException>(() => trainer.TrainAsync(SyntheticData.SeparableBinary(40), TrainingOptions.Default, CancellationToken.None));

        Assert.Contains("could not start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scratch_directory_is_removed_after_the_run()
    {
        var scratchRoot = Directory.CreateDirectory(Path.Combine(scripts.Path, "scratch")).FullName;
        var script = scripts.Write("ok.sh", "printf 'm' > \"$AIW_ARTIFACT\"; printf '{\"accuracy\": 1}' > \"$AIW_METRICS\"\n");
        var trainer = new ExternalCommandTrainer(new ExternalTrainerOptions { Name = "sh-trainer", FileName = "sh", Arguments = [script], ScratchRoot = scratchRoot });

        await trainer.TrainAsync(SyntheticData.SeparableBinary(40), TrainingOptions.Default, CancellationToken.None);

        Assert.Empty(Directory.EnumerateFileSystemEntries(scratchRoot));
    }

    private static ExternalCommandTrainer Trainer(string script, string contentType = "application/octet-stream") =>
        new(new ExternalTrainerOptions { Name = "sh-trainer", FileName = "sh", Arguments = [script], ArtifactContentType = contentType });

    private static async Task<bool> StopsWithinAsync(int pid, TimeSpan limit)
    {
        // SIGKILL is delivered asynchronously, so give the kernel a moment before calling it a survivor.
        var clock = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Alive means present and not a zombie: an orphan in a container may never be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
