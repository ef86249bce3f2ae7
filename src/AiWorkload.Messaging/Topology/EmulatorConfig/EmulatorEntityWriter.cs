using System.Text.Json;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// Writes queues, topics and subscriptions with every property spelled out, so the file does not depend on the
/// emulator's defaults, clamping what the emulator's schema does not allow.
/// </summary>
internal sealed class EmulatorEntityWriter(Utf8JsonWriter json, AdjustmentLog log)
{
    private readonly EmulatorRuleWriter rules = new(json, log);

    public void WriteQueue(QueueDefinition queue)
    {
        var at = EntityPathMap.Queue(queue.Name);
        log.OmitIfChanged(at, nameof(queue.EnablePartitioning), queue.EnablePartitioning, false);
        log.OmitIfChanged(at, nameof(queue.MaxSizeInMegabytes), queue.MaxSizeInMegabytes, EntityDefaults.MaxSizeInMegabytes);
        json.WriteStartObject();
        json.WriteString("Name", queue.Name);
        json.WriteStartObject("Properties");
        json.WriteBoolean("DeadLetteringOnMessageExpiration", queue.DeadLetteringOnMessageExpiration);
        WriteTimeToLive(at, queue.DefaultMessageTimeToLive);
        WriteDuplicateWindow(at, queue.DuplicateDetectionHistoryTimeWindow);
        WriteForwarding(queue);
        WriteLockAndDeliveries(at, queue, EmulatorConfigDefaults.MinQueueLockDuration);
        json.WriteBoolean("RequiresDuplicateDetection", queue.RequiresDuplicateDetection);
        json.WriteBoolean("RequiresSession", queue.RequiresSession);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public void WriteTopic(TopicDefinition topic)
    {
        var at = EntityPathMap.Topic(topic.Name);
        log.OmitIfChanged(at, nameof(topic.EnablePartitioning), topic.EnablePartitioning, false);
        log.OmitIfChanged(at, nameof(topic.SupportOrdering), topic.SupportOrdering, false);
        log.OmitIfChanged(at, nameof(topic.MaxSizeInMegabytes), topic.MaxSizeInMegabytes, EntityDefaults.MaxSizeInMegabytes);
        json.WriteStartObject();
        json.WriteString("Name", topic.Name);
        json.WriteStartObject("Properties");
        WriteTimeToLive(at, topic.DefaultMessageTimeToLive);
        WriteDuplicateWindow(at, topic.DuplicateDetectionHistoryTimeWindow);
        json.WriteBoolean("RequiresDuplicateDetection", topic.RequiresDuplicateDetection);
        json.WriteEndObject();
        json.WriteStartArray("Subscriptions");
        foreach (var subscription in topic.Subscriptions)
        {
            WriteSubscription(topic.Name, subscription);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteSubscription(string topic, SubscriptionDefinition subscription)
    {
        var at = EntityPathMap.Subscription(topic, subscription.Name);
        log.OmitIfChanged(at, nameof(subscription.DeadLetteringOnFilterEvaluationExceptions), subscription.DeadLetteringOnFilterEvaluationExceptions, true);
        json.WriteStartObject();
        json.WriteString("Name", subscription.Name);
        json.WriteStartObject("Properties");
        json.WriteBoolean("DeadLetteringOnMessageExpiration", subscription.DeadLetteringOnMessageExpiration);
        WriteTimeToLive(at, subscription.DefaultMessageTimeToLive);
        WriteLockAndDeliveries(at, subscription, EmulatorConfigDefaults.MinSubscriptionLockDuration);
        WriteForwarding(subscription);
        json.WriteBoolean("RequiresSession", subscription.RequiresSession);
        json.WriteEndObject();
        rules.WriteRules(at, subscription);
        json.WriteEndObject();
    }

    private void WriteTimeToLive(string at, TimeSpan ttl) =>
        json.WriteString("DefaultMessageTimeToLive", log.Clamp(at, "DefaultMessageTimeToLive", ttl, EmulatorConfigDefaults.MinTimeToLive, EmulatorConfigDefaults.MaxTimeToLive));

    private void WriteDuplicateWindow(string at, TimeSpan window) =>
        json.WriteString("DuplicateDetectionHistoryTimeWindow", log.Clamp(at, "DuplicateDetectionHistoryTimeWindow", window, EmulatorConfigDefaults.MinDuplicateDetectionWindow, EmulatorConfigDefaults.MaxDuplicateDetectionWindow));

    /// <summary>The schema gives subscriptions a higher lock minimum (PT1M) than queues (PT5S).</summary>
    private void WriteLockAndDeliveries(string at, IMessageEntityDefinition entity, TimeSpan minLock)
    {
        json.WriteString("LockDuration", log.Clamp(at, "LockDuration", entity.LockDuration, minLock, EmulatorConfigDefaults.MaxLockDuration));
        json.WriteNumber("MaxDeliveryCount", log.Clamp(at, "MaxDeliveryCount", entity.MaxDeliveryCount, 1, EmulatorConfigDefaults.MaxMaxDeliveryCount));
    }

    /// <summary>The emulator's own example writes "" for "no forwarding".</summary>
    private void WriteForwarding(IMessageEntityDefinition entity)
    {
        json.WriteString("ForwardDeadLetteredMessagesTo", entity.ForwardDeadLetteredMessagesTo ?? string.Empty);
        json.WriteString("ForwardTo", entity.ForwardTo ?? string.Empty);
    }
}
