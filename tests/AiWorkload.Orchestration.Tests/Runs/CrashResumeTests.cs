using AiWorkload.Catalog.Sqlite;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Runs;

/// <summary>
/// Kills a real orchestration process with SIGKILL twice while its runs are in flight, restarts it on the same data, and
/// checks that every run completes once: one attempt per activity, one state change each, one training request and one
/// notification per run, whatever was redelivered.
/// </summary>
public sealed class CrashResumeTests
{
    private const int Runs = 12;

    [Fact]
    public async Task Runs_killed_mid_flight_resume_after_restart_and_take_every_effect_once()
    {
        using var directory = new TemporaryDirectory();
        var lines = new List<string>();
        var start = $"start {Runs} crash";

        // First kill: the runs started, each waits for a training that never answers.
        using (var first = await CrashChild.StartAsync(directory.Path, holdTraining: true))
        {
            await first.SendAsync(start);
            await first.WaitForAsync(l => Count(l, "RETRAIN") >= 1 && InState(l, "Running") == Runs, "a training request and every run running");
            await first.KillAsync();
            lines.AddRange(first.Lines);
        }

        Assert.Equal(0, Succeeded(lines));

        // Second kill: wherever the runs got to after a few notifications, with trainings, events and timers in flight.
        using (var second = await CrashChild.StartAsync(directory.Path))
        {
            await second.SendAsync(start); // a client retrying its requests: the run ids make it harmless
            await second.WaitForAsync(l => Count(l, "NOTIFY") >= 3 || Succeeded(lines.Concat(l)) == Runs, "three more notifications");
            await second.KillAsync();
            lines.AddRange(second.Lines);
        }

        using (var third = await CrashChild.StartAsync(directory.Path))
        {
            await third.SendAsync(start);
            await third.WaitForAsync(l => Succeeded(lines.Concat(l)) == Runs, "every run succeeded");
            await third.KillAsync();
            lines.AddRange(third.Lines);
        }

        using var store = new SqliteRunStore(directory.Path);
        var runIds = Enumerable.Range(0, Runs).Select(i => $"crash-{i}").ToList();
        foreach (var runId in runIds)
        {
            var run = (await store.GetRunAsync(runId))!;
            Assert.Equal(RunState.Succeeded, run.State);
            Assert.All(run.Activities, a => Assert.Equal(ActivityStatus.Succeeded, a.Status));
            Assert.All(run.Activities, a => Assert.Single(a.Attempts));
            Assert.All(run.Activities, a => Assert.Single(run.History, h => h.Activity == a.Name && h.Status == "Succeeded"));
            Assert.Single(run.History, h => h.Activity is null && h.Status == "Running");
            Assert.Single(run.History, h => h.Activity is null && h.Status == "Succeeded");
        }

        Assert.Equal(runIds.Select(r => $"{r}:train:1").Order(), Ids(lines, "RETRAIN").Order());
        Assert.Equal(runIds.Select(r => $"{r}:notify:1").Order(), Ids(lines, "NOTIFY").Order());
        using var catalog = new SqliteWorkloadCatalog(directory.Path);
        // One model per run (manual retrainings of one model are single-flight), each with the one version its run trained.
        foreach (var i in Enumerable.Range(0, Runs))
        {
            Assert.Single(await catalog.GetVersionsAsync($"crash-model-{i}"));
        }
    }

    private static int Count(IEnumerable<string> lines, string kind) => lines.Count(l => l.StartsWith(kind + " ", StringComparison.Ordinal));

    private static int Succeeded(IEnumerable<string> lines) => InState(lines, "Succeeded");

    private static int InState(IEnumerable<string> lines, string state) =>
        lines.Where(l => l.StartsWith("CHANGED ", StringComparison.Ordinal) && l.EndsWith(":" + state, StringComparison.Ordinal)).Distinct().Count();

    /// <summary>Distinct ids: a delivery cut off by a kill comes again under the same id, which is the point of the ids.</summary>
    private static List<string> Ids(IEnumerable<string> lines, string kind) =>
        [.. lines.Where(l => l.StartsWith(kind + " ", StringComparison.Ordinal)).Select(l => l[(kind.Length + 1)..]).Distinct()];
}
