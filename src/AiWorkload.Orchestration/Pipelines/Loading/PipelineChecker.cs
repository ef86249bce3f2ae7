using AiWorkload.Messaging.Rules;
using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Scheduling;
using AiWorkload.Orchestration.Templates;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>One pipeline's semantic checks for <see cref="PipelineValidator"/>, collecting errors with paths relative to where it was declared.</summary>
internal sealed class PipelineChecker(LoadedPipeline loaded, IReadOnlyDictionary<string, IReadOnlyCollection<string>> types, List<PipelineError> errors)
{
    private readonly PipelineDefinition _pipeline = loaded.Definition;

    public void Pipeline()
    {
        if (!PipelineValidator.PipelineName().IsMatch(_pipeline.Name))
        {
            Error(".name", $"'{_pipeline.Name}' is not a valid pipeline name: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        if (_pipeline.Activities.Count == 0)
        {
            Error(".activities", "needs at least one activity");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _pipeline.Activities.Count; i++)
        {
            var activity = _pipeline.Activities[i];
            if (!names.Add(activity.Name))
            {
                Error($".activities[{i}].name", $"'{activity.Name}' is used by another activity; names must be unique");
            }

            Activity(activity, $".activities[{i}]");
        }

        Cycles();
        for (var i = 0; i < _pipeline.Triggers.Count; i++)
        {
            Trigger(_pipeline.Triggers[i], $".triggers[{i}]");
        }
    }

    private void Activity(ActivityDefinition activity, string path)
    {
        if (!PipelineValidator.ActivityName().IsMatch(activity.Name))
        {
            Error($"{path}.name", $"'{activity.Name}' is not a valid activity name: 1-64 letters, digits, '_' or '-', starting with a letter or digit");
        }

        for (var d = 0; d < activity.DependsOn.Count; d++)
        {
            var dependency = activity.DependsOn[d];
            if (dependency == activity.Name)
            {
                Error($"{path}.dependsOn[{d}]", "an activity cannot depend on itself");
            }
            else if (_pipeline.FindActivity(dependency) is null)
            {
                Error($"{path}.dependsOn[{d}]", $"unknown activity '{dependency}'; the pipeline has {string.Join(", ", _pipeline.Activities.Select(a => a.Name))}");
            }
        }

        var ancestors = Ancestors(activity);
        if (activity.Type == ActivityTypes.ForEach)
        {
            if (activity.ForEach is not { } forEach)
            {
                Error($"{path}.forEach", "is required for a forEach activity: { items, parallelism, activity }");
                return;
            }

            if (activity.Timeout is not null || activity.Retry.MaxAttempts > 1 || activity.Inputs.Count > 0)
            {
                Error(path, "a forEach takes no inputs, timeout or retry of its own; give them to forEach.activity");
            }

            Template(forEach.Items, $"{path}.forEach.items", ancestors, inForEach: false);
            if (forEach.Parallelism is < 1 or > ForEachDefinition.MaxParallelism)
            {
                Error($"{path}.forEach.parallelism", $"must be from 1 to {ForEachDefinition.MaxParallelism}");
            }

            if (forEach.Activity.Type == ActivityTypes.ForEach)
            {
                Error($"{path}.forEach.activity.type", "a forEach cannot run another forEach; split the work into two activities");
                return;
            }

            Step(forEach.Activity, $"{path}.forEach.activity", ancestors, inForEach: true);
            return;
        }

        if (activity.ForEach is not null)
        {
            Error($"{path}.forEach", $"only a forEach activity takes a forEach block; this one is '{activity.Type}'");
        }

        Step(activity, path, ancestors, inForEach: false);
    }

    /// <summary>What any executable step needs: a known type, its required inputs, valid templates, timeout and retry.</summary>
    private void Step(ActivityDefinition step, string path, IReadOnlySet<string> ancestors, bool inForEach)
    {
        if (!types.TryGetValue(step.Type, out var required))
        {
            Error($"{path}.type", $"unknown activity type '{step.Type}'; known types are {string.Join(", ", types.Keys.Append(ActivityTypes.ForEach).Order(StringComparer.Ordinal))}");
        }
        else
        {
            foreach (var input in required.Where(r => !step.Inputs.ContainsKey(r)))
            {
                Error($"{path}.inputs", $"'{step.Type}' needs input '{input}'");
            }
        }

        foreach (var (name, template) in step.Inputs)
        {
            Template(template, $"{path}.inputs.{name}", ancestors, inForEach);
        }

        if (step.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            Error($"{path}.timeout", "must be positive");
        }

        if (step.Retry.MaxAttempts < 1 || step.Retry.Backoff < TimeSpan.Zero || step.Retry.BackoffFactor < 1)
        {
            Error($"{path}.retry", "needs maxAttempts of at least 1, a non-negative backoff and a backoffFactor of at least 1");
        }
    }

    private void Template(string text, string path, IReadOnlySet<string> ancestors, bool inForEach)
    {
        Template template;
        try
        {
            template = Templates.Template.Parse(text);
        }
        catch (TemplateException error)
        {
            Error(path, error.Message);
            return;
        }

        foreach (var reference in template.References)
        {
            if (ReferenceProblem(reference, ancestors, inForEach) is { } problem)
            {
                Error(path, $"{reference}: {problem}");
            }
        }
    }

    private string? ReferenceProblem(TemplateReference reference, IReadOnlySet<string> ancestors, bool inForEach)
    {
        var s = reference.Segments;
        switch (reference.Root)
        {
            case "run" when s.Count == 2 && s[1] is "id" or "pipeline" or "modelId" or "trigger":
            case "run" when s.Count == 3 && s[1] == "parameters":
                return null;
            case "run":
                return "use run.id, run.pipeline, run.modelId, run.trigger or run.parameters.NAME";
            case "activities" when s.Count == 4 && s[2] == "output":
                return _pipeline.FindActivity(s[1]) is null ? $"there is no activity '{s[1]}'"
                    : ancestors.Contains(s[1]) ? null
                    : $"'{s[1]}' is not among the activities this one depends on (directly or not); add it to dependsOn";
            case "activities":
                return "use activities.NAME.output.KEY";
            case "item" or "index" when !inForEach:
                return "item and index exist only inside forEach.activity";
            case "item" when s.Count <= 2:
            case "index" when s.Count == 1:
                return null;
            default:
                return "unknown reference; use run.*, activities.NAME.output.KEY, or item/index inside a forEach";
        }
    }

    private void Trigger(TriggerDefinition trigger, string path)
    {
        var isEvent = trigger.Kind == TriggerKind.Event;
        var isSchedule = trigger.Kind == TriggerKind.Schedule;
        if (!isEvent && (trigger.Event ?? trigger.Sql) is not null || !isEvent && trigger.Correlation is not null)
        {
            Error(path, $"event, sql and correlation belong to event triggers, not {trigger.Kind}");
        }

        if (!isSchedule && (trigger.Cron ?? trigger.TimeZone) is not null || !isSchedule && trigger.Every is not null)
        {
            Error(path, $"cron, timeZone and every belong to schedule triggers, not {trigger.Kind}");
        }

        if (isEvent)
        {
            EventTrigger(trigger, path);
        }
        else if (isSchedule)
        {
            ScheduleTrigger(trigger, path);
        }
        else if (trigger.ModelId is not null || trigger.Parameters.Count > 0)
        {
            Error(path, $"modelId and parameters belong to event and schedule triggers; {trigger.Kind} runs take them from the policy");
        }
    }

    private void EventTrigger(TriggerDefinition trigger, string path)
    {
        if (string.IsNullOrWhiteSpace(trigger.Event))
        {
            Error($"{path}.event", "is required: the event type (message subject), for example DataIngested");
        }

        if (trigger.Sql is not null && trigger.Correlation is not null)
        {
            Error(path, "give sql or correlation, not both");
        }

        if (trigger.Sql is { } sql)
        {
            try
            {
                SqlFilter.Compile(sql);
            }
            catch (RuleSyntaxException error)
            {
                Error($"{path}.sql", error.Message);
            }
        }

        if (trigger.Correlation is { IsEmpty: true })
        {
            Error($"{path}.correlation", "needs at least one of correlationId, subject, contentType or properties");
        }

        foreach (var (name, template) in trigger.Parameters.Append(new("modelId", trigger.ModelId ?? string.Empty)))
        {
            EventTemplate(template, name == "modelId" && trigger.ModelId is not null ? $"{path}.modelId" : $"{path}.parameters.{name}");
        }
    }

    private void EventTemplate(string text, string path)
    {
        try
        {
            foreach (var reference in Templates.Template.Parse(text).References.Where(r => r.Root != "event" || r.Segments.Count != 2))
            {
                Error(path, $"{reference}: event triggers read only event.FIELD (a body field or an application property)");
            }
        }
        catch (TemplateException error)
        {
            Error(path, error.Message);
        }
    }

    private void ScheduleTrigger(TriggerDefinition trigger, string path)
    {
        if ((trigger.Cron is null) == (trigger.Every is null))
        {
            Error(path, "a schedule trigger needs exactly one of cron or every");
            return;
        }

        if (trigger.Every is { } every && every < TimeSpan.FromSeconds(1))
        {
            Error($"{path}.every", "must be at least one second");
        }

        if (trigger.TimeZone is not null && trigger.Cron is null)
        {
            Error($"{path}.timeZone", "a time zone applies to cron schedules only; every: intervals are zone-free");
        }

        TimeZoneInfo? zone = null;
        if (trigger.TimeZone is { } id)
        {
            try
            {
                zone = ScheduleTimeZones.Find(id);
            }
            catch (TimeZoneNotFoundException error)
            {
                Error($"{path}.timeZone", error.Message);
            }
        }

        if (trigger.Cron is { } cron)
        {
            try
            {
                if (CronSchedule.Parse(cron, zone).Next(DateTimeOffset.UnixEpoch) is null)
                {
                    Error($"{path}.cron", $"'{cron}' never fires");
                }
            }
            catch (FormatException error)
            {
                Error($"{path}.cron", error.Message);
            }
        }

        foreach (var (name, value) in trigger.Parameters.Append(new("modelId", trigger.ModelId ?? string.Empty)))
        {
            if (value.Contains("${", StringComparison.Ordinal))
            {
                Error($"{path}.{(name == "modelId" ? "modelId" : "parameters." + name)}", "schedule triggers take literal values, not templates");
            }
        }
    }

    private void Cycles()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var activity in _pipeline.Activities)
        {
            if (Visit(activity.Name, state, stack) is { } cycle)
            {
                var index = _pipeline.Activities.ToList().FindIndex(a => a.Name == cycle[0]);
                Error($".activities[{index}].dependsOn", $"dependency cycle: {string.Join(" → ", cycle)}");
                return;
            }
        }
    }

    private List<string>? Visit(string name, Dictionary<string, int> state, List<string> stack)
    {
        if (state.GetValueOrDefault(name) == 2 || _pipeline.FindActivity(name) is not { } activity)
        {
            return null;
        }

        if (state.GetValueOrDefault(name) == 1)
        {
            return [.. stack.Skip(stack.IndexOf(name)), name];
        }

        state[name] = 1;
        stack.Add(name);
        foreach (var dependency in activity.DependsOn.Where(d => d != name))
        {
            if (Visit(dependency, state, stack) is { } cycle)
            {
                return cycle;
            }
        }

        stack.RemoveAt(stack.Count - 1);
        state[name] = 2;
        return null;
    }

    private HashSet<string> Ancestors(ActivityDefinition activity)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(activity.DependsOn);
        while (pending.TryPop(out var name))
        {
            if (seen.Add(name) && _pipeline.FindActivity(name) is { } dependency)
            {
                foreach (var next in dependency.DependsOn)
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    private void Error(string relativePath, string message) => errors.Add(new PipelineError(loaded.Source, loaded.Path + relativePath, message));
}
