using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AiWorkload.Messaging.Outbox;

/// <summary>
/// An outbox payload: the message's contract JSON inside an envelope that keeps the W3C trace context of the request that
/// wrote it, so the dispatcher publishes within that trace (one trace from HTTP through the bus to the worker). A payload
/// that is only the message's JSON is read too.
/// </summary>
public sealed record OutboxPayload(string MessageJson, ActivityContext Parent)
{
    private const string EnvelopeProperty = "envelope";
    private const string EnvelopeVersion = "aiw-outbox/1";

    public static string Write(string messageJson, Activity? current)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(EnvelopeProperty, EnvelopeVersion);
            if (current is { IdFormat: ActivityIdFormat.W3C })
            {
                writer.WriteString("traceparent", current.Id);
                if (current.TraceStateString is { } state)
                {
                    writer.WriteString("tracestate", state);
                }
            }

            writer.WritePropertyName("message");
            writer.WriteRawValue(messageJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Throws <see cref="JsonException"/> for a payload that is not JSON.</summary>
    public static OutboxPayload Read(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.Contains($"\"{EnvelopeProperty}\"", StringComparison.Ordinal))
        {
            // Bare message JSON (or none, as for a cancellation): the publisher reads it, and judges it, as it is.
            return new OutboxPayload(payload, default);
        }

        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(EnvelopeProperty, out var envelope) || envelope.ValueKind != JsonValueKind.String || envelope.GetString() != EnvelopeVersion
            || !root.TryGetProperty("message", out var message))
        {
            return new OutboxPayload(payload, default);
        }

        var parent = root.TryGetProperty("traceparent", out var traceParent)
            && ActivityContext.TryParse(traceParent.GetString(), root.TryGetProperty("tracestate", out var state) ? state.GetString() : null, isRemote: true, out var context)
            ? context
            : default;
        return new OutboxPayload(message.GetRawText(), parent);
    }
}
