using System.Diagnostics;

namespace AiWorkload.Messaging.Outbox;

internal static class OutboxTelemetry
{
    public const string ActivitySourceName = "AiWorkload.Outbox";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>
    /// Continues the writer's trace: the send span (and the traceparent it puts on the message) becomes its child. Without a
    /// listener on this source a bare activity still carries the trace id across.
    /// </summary>
    public static Activity? StartPublish(OutboxEntry entry, ActivityContext parent)
    {
        var activity = Source.StartActivity($"outbox publish {entry.MessageType}", ActivityKind.Internal, parent);
        if (activity is null && parent != default)
        {
            activity = new Activity($"outbox publish {entry.MessageType}").SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start();
        }

        activity?.SetTag("aiworkload.outbox.entry_id", entry.Id);
        return activity;
    }
}
