using AiWorkload.Messaging.Rules;
using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Triggers;

internal static class EventWaitMatcher
{
    public static bool Matches(EventWait wait, RunEvent received, string runId)
    {
        if (!wait.EventTypes.Contains(received.Type, StringComparer.Ordinal)
            || (wait.Correlated && !string.Equals(received.CorrelationId, runId, StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var (field, expected) in wait.Match)
        {
            if (!string.Equals(received.GetField(field), expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        try
        {
            return wait.Sql is not { } sql || SqlFilterCache.Get(sql).Matches(new RunEventRuleView(received));
        }
        catch (Exception error) when (error is RuleEvaluationException or RuleSyntaxException)
        {
            // As on a subscription, a filter that cannot be evaluated for this event does not match it.
            return false;
        }
    }
}
