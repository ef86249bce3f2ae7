using System.Diagnostics;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Ingestion.Outbox;

/// <summary>
/// The outbox convention for every workload message: <see cref="OutboxEntry.MessageType"/> is the type's name (its Subject),
/// <see cref="OutboxEntry.Payload"/> its <see cref="WorkloadJsonContext"/> JSON (in an envelope with the writer's trace
/// context), and the entry id derives from its MessageId, so writing the same message twice keeps one entry. The
/// dispatcher can send any of them, whichever service wrote it.
/// </summary>
public static class WorkloadOutbox
{
    private static readonly Dictionary<Type, OutboxMessageType> ByType = Create().ToDictionary(t => t.ClrType);

    internal static IReadOnlyDictionary<string, OutboxMessageType> ByName { get; } = ByType.Values.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The entry for <paramref name="message"/>; it keeps the trace context of <see cref="Activity.Current"/>, the writing request.</summary>
    public static OutboxEntry Entry<T>(T message, DateTimeOffset createdAt)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = ByType.TryGetValue(typeof(T), out var found)
            ? found
            : throw new InvalidOperationException($"{typeof(T).Name} is not a workload message: add it to WorkloadOutbox with its contract JSON.");
        return new OutboxEntry($"{type.Name}:{type.MessageId(message)}", type.Name, OutboxPayload.Write(type.Serialize(message), Activity.Current), createdAt);
    }

    private static IEnumerable<OutboxMessageType> Create()
    {
        var json = WorkloadJsonContext.Default;
        yield return OutboxMessageType.Command(json.RetrainModel, m => m.RequestId);
        yield return OutboxMessageType.Command(json.StartPipelineRun, m => m.RunId);
        yield return OutboxMessageType.Event(json.ModelRegistered, e => e.EventId);
        yield return OutboxMessageType.Event(json.DataIngested, e => e.EventId);
        yield return OutboxMessageType.Event(json.ModelMetricsReported, e => e.EventId);
        yield return OutboxMessageType.Event(json.RetrainingRequested, e => e.EventId);
        yield return OutboxMessageType.Event(json.TrainingStarted, e => e.EventId);
        yield return OutboxMessageType.Event(json.ModelTrained, e => e.EventId);
        yield return OutboxMessageType.Event(json.TrainingFailed, e => e.EventId);
        yield return OutboxMessageType.Event(json.ModelPromoted, e => e.EventId);
        yield return OutboxMessageType.Event(json.ModelRejected, e => e.EventId);
        yield return OutboxMessageType.Event(json.PipelineRunChanged, e => e.EventId);
        yield return OutboxMessageType.Event(json.PipelineNotification, e => e.EventId);
    }
}
