using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiWorkload.Messaging.Rules;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Templates;
using AiWorkload.Orchestration.Triggers;

namespace AiWorkload.Orchestration.Activities.BuiltIn;

/// <summary>
/// Waits for <c>count</c> (default 1) events of the types in <c>event</c> (comma-separated). By default only events of
/// this run (CorrelationId = run id); <c>correlated=false</c> takes any event, which then usually needs <c>match.FIELD</c>
/// inputs or a <c>sql</c> filter. Outputs count, items (a JSON array of the bodies: a ForEach can iterate over them),
/// messageId of the last, and the last body's top-level fields.
/// </summary>
internal sealed class WaitForEventActivity : IActivity
{
    private const string MatchPrefix = "match.";

    public string Type => ActivityTypes.WaitForEvent;

    public IReadOnlyCollection<string> RequiredInputs { get; } = ["event"];

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        _ = Count(context);
        context.State["items"] = "[]";
        return Task.FromResult(ActivityResult.WaitFor(Wait(context)));
    }

    public Task<ActivityResult> OnEventAsync(ActivityContext context, RunEvent received, CancellationToken cancellationToken)
    {
        var items = JsonNode.Parse(context.State["items"])!.AsArray();
        items.Add(JsonNode.Parse(received.Body.GetRawText()));
        context.State["items"] = items.ToJsonString();
        if (items.Count < Count(context))
        {
            return Task.FromResult(ActivityResult.WaitFor(Wait(context)));
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (received.Body.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in received.Body.EnumerateObject())
            {
                outputs[field.Name] = JsonFields.AsText(field.Value) ?? string.Empty;
            }
        }

        outputs["count"] = items.Count.ToString(CultureInfo.InvariantCulture);
        outputs["items"] = context.State["items"];
        outputs["messageId"] = received.MessageId;
        return Task.FromResult(ActivityResult.Completed(outputs));
    }

    private static EventWait Wait(ActivityContext context)
    {
        var sql = context.GetInput("sql");
        if (sql is not null)
        {
            try
            {
                SqlFilterCache.Get(sql);
            }
            catch (RuleSyntaxException error)
            {
                throw new ActivityInputException($"input 'sql': {error.Message}", error);
            }
        }

        return new EventWait(context.RequireInput("event").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Correlated = context.GetInput("correlated") is not { } correlated || !string.Equals(correlated, "false", StringComparison.OrdinalIgnoreCase),
            Sql = sql,
            Match = context.Inputs.Where(i => i.Key.StartsWith(MatchPrefix, StringComparison.Ordinal))
                .ToDictionary(i => i.Key[MatchPrefix.Length..], i => i.Value, StringComparer.Ordinal),
        };
    }

    private static int Count(ActivityContext context) => context.GetInput("count") is not { } text ? 1
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1 ? count
        : throw new ActivityInputException($"input 'count' is '{text}', not a whole number of at least 1");
}
