using System.Text.Json.Nodes;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>Maps the JSON tree of one pipeline onto the definition records, reporting structural problems through the reader.</summary>
internal static class PipelineMapper
{
    public static PipelineDefinition? Pipeline(JsonNode? node, string path, NodeReader reader)
    {
        if (reader.Object(node, path) is not { } obj)
        {
            return null;
        }

        reader.OnlyKnown(obj, path, "name", "description", "parameters", "triggers", "activities");
        var name = reader.String(obj, "name", path, required: true);
        var activities = new List<ActivityDefinition>();
        if (NodeReader.Get(obj, "activities") is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (Activity(list[i], $"{path}.activities[{i}]", reader, inner: false) is { } activity)
                {
                    activities.Add(activity);
                }
            }
        }
        else
        {
            reader.Error($"{path}.activities", "is required: a list of activities");
        }

        var triggers = new List<TriggerDefinition>();
        if (NodeReader.Get(obj, "triggers") is { } triggerNode)
        {
            if (triggerNode is JsonArray triggerList)
            {
                for (var i = 0; i < triggerList.Count; i++)
                {
                    if (Trigger(triggerList[i], $"{path}.triggers[{i}]", reader) is { } trigger)
                    {
                        triggers.Add(trigger);
                    }
                }
            }
            else
            {
                reader.Error($"{path}.triggers", "must be a list of triggers");
            }
        }

        return name is null ? null : new PipelineDefinition(name, activities)
        {
            Description = reader.String(obj, "description", path),
            Parameters = reader.StringMap(obj, "parameters", path),
            Triggers = triggers,
        };
    }

    private static ActivityDefinition? Activity(JsonNode? node, string path, NodeReader reader, bool inner)
    {
        if (reader.Object(node, path) is not { } obj)
        {
            return null;
        }

        if (inner)
        {
            reader.OnlyKnown(obj, path, "type", "inputs", "timeout", "retry");
        }
        else
        {
            reader.OnlyKnown(obj, path, "name", "type", "dependsOn", "inputs", "timeout", "retry", "forEach");
        }

        var name = inner ? "(inner)" : reader.String(obj, "name", path, required: true);
        var type = reader.String(obj, "type", path, required: true);
        var forEachNode = inner ? null : NodeReader.Get(obj, "forEach");
        var definition = new ActivityDefinition(name ?? string.Empty, type ?? string.Empty)
        {
            DependsOn = inner ? [] : reader.StringList(obj, "dependsOn", path),
            Inputs = reader.StringMap(obj, "inputs", path),
            Timeout = reader.Duration(obj, "timeout", path),
            Retry = NodeReader.Get(obj, "retry") is { } retry ? Retry(retry, $"{path}.retry", reader) : ActivityRetryPolicy.None,
            ForEach = forEachNode is null ? null : ForEach(forEachNode, $"{path}.forEach", reader),
        };
        return name is null || type is null ? null : definition;
    }

    private static ForEachDefinition? ForEach(JsonNode node, string path, NodeReader reader)
    {
        if (reader.Object(node, path) is not { } obj)
        {
            return null;
        }

        reader.OnlyKnown(obj, path, "items", "parallelism", "activity");
        var items = reader.String(obj, "items", path, required: true);
        var parallelism = reader.Int(obj, "parallelism", path, 1, ForEachDefinition.MaxParallelism) ?? 1;
        var activityNode = NodeReader.Get(obj, "activity");
        if (activityNode is null)
        {
            reader.Error($"{path}.activity", "is required: the activity to run for each item");
            return null;
        }

        var activity = Activity(activityNode, $"{path}.activity", reader, inner: true);
        return items is null || activity is null ? null : new ForEachDefinition(items, activity) { Parallelism = parallelism };
    }

    private static ActivityRetryPolicy Retry(JsonNode node, string path, NodeReader reader)
    {
        if (reader.Object(node, path) is not { } obj)
        {
            return ActivityRetryPolicy.None;
        }

        reader.OnlyKnown(obj, path, "maxAttempts", "backoff", "backoffFactor", "maxBackoff");
        var policy = new ActivityRetryPolicy(reader.Int(obj, "maxAttempts", path, 1, 100) ?? 1, reader.Duration(obj, "backoff", path, allowZero: true) ?? TimeSpan.FromSeconds(1));
        return policy with
        {
            BackoffFactor = reader.Double(obj, "backoffFactor", path, 1) ?? policy.BackoffFactor,
            MaxBackoff = reader.Duration(obj, "maxBackoff", path) ?? policy.MaxBackoff,
        };
    }

    private static TriggerDefinition? Trigger(JsonNode? node, string path, NodeReader reader)
    {
        if (reader.Object(node, path) is not { } obj)
        {
            return null;
        }

        reader.OnlyKnown(obj, path, "type", "event", "sql", "correlation", "cron", "timeZone", "every", "modelId", "parameters");
        var typeText = reader.String(obj, "type", path, required: true);
        if (typeText is null)
        {
            return null;
        }

        TriggerKind? kind = typeText.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "MANUAL" => TriggerKind.Manual,
            "EVENT" => TriggerKind.Event,
            "SCHEDULE" => TriggerKind.Schedule,
            "DRIFT" => TriggerKind.Drift,
            "NEWDATA" => TriggerKind.NewData,
            _ => null,
        };
        if (kind is null)
        {
            reader.Error($"{path}.type", $"unknown trigger type '{typeText}'; use manual, event, schedule, drift or newData");
            return null;
        }

        return new TriggerDefinition(kind.Value)
        {
            Event = reader.String(obj, "event", path),
            Sql = reader.String(obj, "sql", path),
            Correlation = NodeReader.Get(obj, "correlation") is { } correlation ? Correlation(correlation, $"{path}.correlation", reader) : null,
            Cron = reader.String(obj, "cron", path),
            TimeZone = reader.String(obj, "timeZone", path),
            Every = reader.Duration(obj, "every", path),
            ModelId = reader.String(obj, "modelId", path),
            Parameters = reader.StringMap(obj, "parameters", path),
        };
    }

    private static CorrelationTriggerFilter? Correlation(JsonNode node, string path, NodeReader reader)
    {
        if (reader.Object(node, path) is not { } obj)
        {
            return null;
        }

        reader.OnlyKnown(obj, path, "correlationId", "subject", "contentType", "properties");
        return new CorrelationTriggerFilter
        {
            CorrelationId = reader.String(obj, "correlationId", path),
            Subject = reader.String(obj, "subject", path),
            ContentType = reader.String(obj, "contentType", path),
            Properties = reader.StringMap(obj, "properties", path),
        };
    }
}
