using System.Globalization;
using System.Text.Json;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Templates;

namespace AiWorkload.Orchestration.Engine;

internal sealed partial class RunEngine
{
    /// <summary>Resolves the items once and adds one pending iteration per item; <see cref="PumpForEachAsync"/> runs them.</summary>
    private static void StartForEach(PipelineRun run, ActivityRun loop, ForEachDefinition forEach, RunWork work)
    {
        loop.Attempt = 1;
        loop.StartedAt = work.Now;
        loop.Attempts.Add(new ActivityAttempt { Number = 1, StartedAt = work.Now, Status = ActivityStatus.Running });
        loop.Status = ActivityStatus.Running;
        string text;
        try
        {
            text = new TemplateScope { Run = run }.Render(forEach.Items);
        }
        catch (TemplateException error)
        {
            FailAttempt(run, loop, $"items: {error.Message}", retryable: false, timedOut: false, work);
            return;
        }

        var items = ForEachItems.Parse(text);
        loop.Items = items;
        loop.Inputs = new Dictionary<string, string>
        {
            ["items"] = text,
            ["parallelism"] = forEach.Parallelism.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < items.Count; i++)
        {
            run.Activities.Add(new ActivityRun { Name = $"{loop.Name}[{i}]", Type = forEach.Activity.Type, Parent = loop.Name, Index = i, Item = items[i] });
        }

        Record(run, loop, $"{items.Count} items, at most {forEach.Parallelism} at a time", work);
    }

    /// <summary>
    /// Ends the loop when an iteration failed for good (stopping the others) or all succeeded; otherwise starts pending
    /// iterations while fewer than the parallelism are under way. True when anything changed.
    /// </summary>
    private async Task<bool> PumpForEachAsync(PipelineRun run, ActivityRun loop, ForEachDefinition forEach, RunWork work, CancellationToken cancellationToken)
    {
        var iterations = run.Activities.Where(a => a.Parent == loop.Name).OrderBy(a => a.Index).ToList();
        if (iterations.FirstOrDefault(i => i.Status is ActivityStatus.Failed or ActivityStatus.TimedOut) is { } failed)
        {
            foreach (var other in iterations.Where(i => !i.Status.IsTerminal()))
            {
                Stop(run, other, other.Status == ActivityStatus.Pending ? ActivityStatus.Skipped : ActivityStatus.Cancelled, $"{failed.Name} failed", work);
            }

            FailAttempt(run, loop, $"{failed.Name} {(failed.Status == ActivityStatus.TimedOut ? "timed out" : "failed")}: {failed.Error}", retryable: false, timedOut: failed.Status == ActivityStatus.TimedOut, work);
            return true;
        }

        if (iterations.All(i => i.Status == ActivityStatus.Succeeded))
        {
            var outputs = iterations.Select(i => i.Outputs ?? new Dictionary<string, string>()).ToList();
            loop.Outputs = new Dictionary<string, string>
            {
                ["count"] = iterations.Count.ToString(CultureInfo.InvariantCulture),
                ["outputs"] = JsonSerializer.Serialize(outputs, OrchestrationJsonContext.Default.ListIReadOnlyDictionaryStringString),
            };
            CloseAttempt(run, loop, ActivityStatus.Succeeded, null, work);
            loop.Status = ActivityStatus.Succeeded;
            loop.EndedAt = work.Now;
            Record(run, loop, null, work);
            return true;
        }

        var underWay = iterations.Count(i => i.Status is not ActivityStatus.Pending && !i.Status.IsTerminal());
        var started = false;
        foreach (var next in iterations.Where(i => i.Status == ActivityStatus.Pending))
        {
            if (underWay >= forEach.Parallelism)
            {
                break;
            }

            await StartAttemptAsync(run, next, work, cancellationToken);
            underWay += next.Status.IsTerminal() ? 0 : 1;
            started = true;
        }

        return started;
    }
}
