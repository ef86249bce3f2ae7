using System.Globalization;
using System.Text;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

/// <summary>
/// Every setting of a model as text, one entity per line. The model's records hold lists and dictionaries, which
/// records compare by reference, so tests compare this instead.
/// </summary>
internal static class TopologyText
{
    public static string Describe(TopologyModel model)
    {
        var text = new StringBuilder();
        foreach (var q in model.Queues)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"queue {q.Name} lock={q.LockDuration} mdc={q.MaxDeliveryCount} ttl={q.DefaultMessageTimeToLive} dlx={q.DeadLetteringOnMessageExpiration} dup={q.RequiresDuplicateDetection}/{q.DuplicateDetectionHistoryTimeWindow} session={q.RequiresSession} fwd={q.ForwardTo ?? "-"} fwdDl={q.ForwardDeadLetteredMessagesTo ?? "-"} part={q.EnablePartitioning} size={q.MaxSizeInMegabytes}");
        }

        foreach (var t in model.Topics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"topic {t.Name} ttl={t.DefaultMessageTimeToLive} dup={t.RequiresDuplicateDetection}/{t.DuplicateDetectionHistoryTimeWindow} part={t.EnablePartitioning} order={t.SupportOrdering} size={t.MaxSizeInMegabytes}");
            foreach (var s in t.Subscriptions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  subscription {s.Name} lock={s.LockDuration} mdc={s.MaxDeliveryCount} ttl={s.DefaultMessageTimeToLive} dlx={s.DeadLetteringOnMessageExpiration} dlxFilter={s.DeadLetteringOnFilterEvaluationExceptions} session={s.RequiresSession} fwd={s.ForwardTo ?? "-"} fwdDl={s.ForwardDeadLetteredMessagesTo ?? "-"}");
                foreach (var r in s.Rules)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    rule {r.Name} {Filter(r.Filter)} action={r.SqlAction ?? "-"}");
                }
            }
        }

        return text.ToString();
    }

    private static string Filter(RuleFilterDefinition filter) => filter switch
    {
        TrueFilterDefinition => "true",
        SqlFilterDefinition sql => $"sql({sql.Expression})",
        CorrelationFilterDefinition c =>
            $"correlation(ct={c.ContentType} cid={c.CorrelationId} subject={c.Subject} mid={c.MessageId} to={c.To} replyTo={c.ReplyTo} rtsid={c.ReplyToSessionId} sid={c.SessionId} props=[{string.Join(", ", c.ApplicationProperties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value?.GetType().Name}:{Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"))}])",
        _ => filter.GetType().Name,
    };
}
