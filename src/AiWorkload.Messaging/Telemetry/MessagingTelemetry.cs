using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Telemetry;

/// <summary>
/// The ActivitySource and Meter named <see cref="Name"/>: send spans (producer) and process spans (consumer) that continue
/// the sender's trace, and the message counts, durations, dead-letter counts and depth gauges of every adapter.
/// </summary>
public sealed class MessagingTelemetry : IDisposable
{
    public const string Name = "AiWorkload.Messaging";

    // OpenTelemetry's advice for messaging durations, stretched to the minutes a training handler can take.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120, 300];

    private readonly ActivitySource _activitySource = new(Name);
    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _consumed;
    private readonly Histogram<double> _operationDuration;
    private readonly Histogram<double> _processDuration;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _lockRenewals;
    private readonly ConcurrentDictionary<MessageSource, EntityMessageCounts> _depths = new();

    public MessagingTelemetry(IMeterFactory? meterFactory = null)
    {
        // A factory-made meter belongs to its service provider, so parallel hosts (tests) do not see each other's measurements.
        Meter = meterFactory?.Create(Name) ?? (_ownedMeter = new Meter(Name));
        _sent = Meter.CreateCounter<long>("messaging.client.sent.messages", "{message}", "Messages sent or scheduled by the producer.");
        _consumed = Meter.CreateCounter<long>("messaging.client.consumed.messages", "{message}", "Messages delivered to a processor.");
        _operationDuration = Meter.CreateHistogram("messaging.client.operation.duration", "s", "Duration of send, schedule and settle operations.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _processDuration = Meter.CreateHistogram("messaging.process.duration", "s", "Duration of processing one message, settlement included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _deadLettered = Meter.CreateCounter<long>("aiworkload.messaging.dead_lettered.messages", "{message}", "Messages dead-lettered by a processor, by reason.");
        _retries = Meter.CreateCounter<long>("aiworkload.messaging.retries", "{retry}", "Failed attempts the retry policy will retry.");
        _lockRenewals = Meter.CreateCounter<long>("aiworkload.messaging.lock_renewals", "{renewal}", "Automatic renewals of message or session locks.");
        Meter.CreateObservableGauge("aiworkload.messaging.active_messages", () => Depths(c => c.ActiveMessageCount), "{message}", "Active messages waiting in an entity.");
        Meter.CreateObservableGauge("aiworkload.messaging.dead_letter_messages", () => Depths(c => c.DeadLetterMessageCount), "{message}", "Messages in an entity's dead-letter queue.");
        Meter.CreateObservableGauge("aiworkload.messaging.scheduled_messages", () => Depths(c => c.ScheduledMessageCount), "{message}", "Scheduled messages not yet enqueued.");
    }

    public ActivitySource ActivitySource => _activitySource;

    public Meter Meter { get; }

    /// <summary>Starts a producer span whose context every message carries; with no listener, the caller's context is carried instead.</summary>
    public Activity? StartSend(string operation, string destination, IReadOnlyList<TransportMessage> messages)
    {
        var activity = _activitySource.StartActivity($"{operation} {destination}", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(MessagingAttributes.System, MessagingAttributes.ServiceBusSystem);
            activity.SetTag(MessagingAttributes.DestinationName, destination);
            activity.SetTag(MessagingAttributes.OperationType, MessagingOperations.Send);
            activity.SetTag(MessagingAttributes.OperationName, operation);
            if (messages.Count == 1)
            {
                activity.SetTag(MessagingAttributes.MessageId, messages[0].MessageId);
                activity.SetTag(MessagingAttributes.ConversationId, messages[0].CorrelationId);
                activity.SetTag(MessagingAttributes.MessageSubject, messages[0].Subject);
            }
            else
            {
                activity.SetTag(MessagingAttributes.BatchMessageCount, messages.Count);
            }
        }

        var context = activity?.Context ?? Activity.Current?.Context ?? default;
        foreach (var message in messages)
        {
            TraceContextPropagation.Inject(context, message.ApplicationProperties);
        }

        return activity;
    }

    /// <summary>Starts a consumer span as a child of the sender's span (one trace across the bus), also linked to it.</summary>
    public Activity? StartProcess(MessageSource source, TransportReceivedMessage message)
    {
        var hasParent = TraceContextPropagation.TryExtract(message.ApplicationProperties, out var parent);
        var links = hasParent ? new[] { new ActivityLink(parent) } : null;
        var name = source.SubscriptionName is null
            ? $"{MessagingOperations.Process} {source.DestinationName}"
            : $"{MessagingOperations.Process} {source.DestinationName}/{source.SubscriptionName}";
        var activity = _activitySource.StartActivity(name, ActivityKind.Consumer, parent, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            AddSourceTags(activity, source);
            activity.SetTag(MessagingAttributes.OperationType, MessagingOperations.Process);
            activity.SetTag(MessagingAttributes.OperationName, MessagingOperations.Process);
            activity.SetTag(MessagingAttributes.MessageId, message.MessageId);
            activity.SetTag(MessagingAttributes.ConversationId, message.CorrelationId);
            activity.SetTag(MessagingAttributes.MessageSubject, message.Subject);
            activity.SetTag(MessagingAttributes.DeliveryCount, message.DeliveryCount);
            activity.SetTag(MessagingAttributes.EnqueuedTime, message.EnqueuedTime.ToUnixTimeSeconds());
        }

        return activity;
    }

    public void RecordSent(string operation, string destination, int count, TimeSpan duration, Exception? error)
    {
        var tags = new TagList
        {
            { MessagingAttributes.System, MessagingAttributes.ServiceBusSystem },
            { MessagingAttributes.DestinationName, destination },
            { MessagingAttributes.OperationName, operation },
        };
        if (error is not null)
        {
            tags.Add(MessagingAttributes.ErrorType, error.GetType().FullName);
        }

        _sent.Add(count, tags);
        _operationDuration.Record(duration.TotalSeconds, tags);
    }

    public void RecordSettled(MessageSource source, string disposition, TimeSpan duration, Exception? error)
    {
        var tags = SourceTags(source);
        tags.Add(MessagingAttributes.OperationName, disposition);
        if (error is not null)
        {
            tags.Add(MessagingAttributes.ErrorType, error.GetType().FullName);
        }

        _operationDuration.Record(duration.TotalSeconds, tags);
    }

    public void RecordProcessed(MessageSource source, string? subject, string? disposition, TimeSpan duration, Exception? error)
    {
        var tags = SourceTags(source);
        tags.Add(MessagingAttributes.OperationName, MessagingOperations.Process);
        _consumed.Add(1, tags);
        tags.Add(MessagingAttributes.MessageSubject, subject);
        tags.Add(MessagingAttributes.DispositionStatus, disposition);
        if (error is not null)
        {
            tags.Add(MessagingAttributes.ErrorType, error.GetType().FullName);
        }

        _processDuration.Record(duration.TotalSeconds, tags);
    }

    public void RecordDeadLettered(MessageSource source, string reason)
    {
        var tags = SourceTags(source);
        tags.Add(MessagingAttributes.DeadLetterReason, reason);
        _deadLettered.Add(1, tags);
    }

    public void RecordRetry(MessageSource source, string strategy)
    {
        var tags = SourceTags(source);
        tags.Add(MessagingAttributes.RetryStrategy, strategy);
        _retries.Add(1, tags);
    }

    /// <summary>Recorded by adapters that renew locks themselves; the Azure SDK renews inside its processor and cannot report it.</summary>
    public void RecordLockRenewal(MessageSource source) => _lockRenewals.Add(1, SourceTags(source));

    /// <summary>The depth the gauges report for <paramref name="source"/> until the next update.</summary>
    public void UpdateDepth(MessageSource source, EntityMessageCounts counts) => _depths[source] = counts;

    public void Dispose()
    {
        _activitySource.Dispose();
        _ownedMeter?.Dispose();
    }

    private IEnumerable<Measurement<long>> Depths(Func<EntityMessageCounts, long> select) =>
        _depths.Select(pair => new Measurement<long>(select(pair.Value), SourceTags(pair.Key)));

    private static TagList SourceTags(MessageSource source)
    {
        var tags = new TagList
        {
            { MessagingAttributes.System, MessagingAttributes.ServiceBusSystem },
            { MessagingAttributes.DestinationName, source.DestinationName },
        };
        if (source.SubscriptionName is not null)
        {
            tags.Add(MessagingAttributes.SubscriptionName, source.SubscriptionName);
        }

        return tags;
    }

    private static void AddSourceTags(Activity activity, MessageSource source)
    {
        activity.SetTag(MessagingAttributes.System, MessagingAttributes.ServiceBusSystem);
        activity.SetTag(MessagingAttributes.DestinationName, source.DestinationName);
        if (source.SubscriptionName is not null)
        {
            activity.SetTag(MessagingAttributes.SubscriptionName, source.SubscriptionName);
        }
    }
}
