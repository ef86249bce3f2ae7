using System.Diagnostics;

namespace AiWorkload.Messaging.Telemetry;

/// <summary>
/// W3C trace context in application properties: <c>traceparent</c>/<c>tracestate</c> as OpenTelemetry names them, and
/// <c>Diagnostic-Id</c> where the Azure SDK reads and writes the same traceparent value.
/// </summary>
public static class TraceContextPropagation
{
    public static void Inject(ActivityContext context, IDictionary<string, object?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (context == default)
        {
            return;
        }

        var traceParent = $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
        properties[MessageProperties.TraceParent] = traceParent;
        properties[MessageProperties.DiagnosticId] = traceParent;
        if (!string.IsNullOrEmpty(context.TraceState))
        {
            properties[MessageProperties.TraceState] = context.TraceState;
        }
        else
        {
            properties.Remove(MessageProperties.TraceState);
        }
    }

    /// <summary>The sender's context, from traceparent or else Diagnostic-Id; false when neither holds a valid W3C value.</summary>
    public static bool TryExtract(IReadOnlyDictionary<string, object?> properties, out ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var traceState = properties.TryGetValue(MessageProperties.TraceState, out var state) ? state as string : null;
        foreach (var name in new[] { MessageProperties.TraceParent, MessageProperties.DiagnosticId })
        {
            if (properties.TryGetValue(name, out var value) && value is string traceParent &&
                ActivityContext.TryParse(traceParent, traceState, isRemote: true, out context))
            {
                return true;
            }
        }

        context = default;
        return false;
    }
}
