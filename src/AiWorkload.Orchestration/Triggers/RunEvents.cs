using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AiWorkload.Messaging;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Triggers;

/// <summary>Captures a received event (body and broker properties) in the form runs keep and filters read.</summary>
internal static class RunEvents
{
    public static RunEvent From<T>(T message, JsonTypeInfo<T> json, IMessageContext context, DateTimeOffset receivedAt) => new()
    {
        MessageId = context.MessageId,
        Type = context.Subject,
        CorrelationId = context.CorrelationId,
        ReceivedAt = receivedAt,
        Body = JsonSerializer.SerializeToElement(message, json),
        Properties = context.Properties
            .Where(p => !p.Key.StartsWith("aiw-", StringComparison.Ordinal) && p.Key is not (MessageProperties.TraceParent or MessageProperties.TraceState or MessageProperties.DiagnosticId))
            .ToDictionary(p => p.Key, p => ToJson(p.Value), StringComparer.Ordinal),
    };

    /// <summary>Numbers stay numbers and booleans booleans, so SQL comparisons behave as on the broker; the rest is text.</summary>
    private static JsonElement ToJson(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case byte or sbyte or short or ushort or int or uint or long:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case float or double or decimal:
                    writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                case DateTimeOffset time:
                    writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case byte[] bytes:
                    writer.WriteStringValue(Convert.ToBase64String(bytes));
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
