namespace AiWorkload.Messaging.Topology;

/// <summary>
/// The product's Service Bus topology, with the settings the seeds give. The embedded engine provisions itself from
/// <see cref="Model"/>, the emulator's Config.json is written from it, and the AppHost and infra read it: one edit changes all.
/// </summary>
public static class WorkloadTopology
{
    /// <summary>Every workload event (data ingested, model trained, training failed, model promoted, ...).</summary>
    public const string WorkloadEventsTopic = "workload-events";

    /// <summary>The orchestrator sees every event and drives pipelines from them.</summary>
    public const string OrchestratorSubscription = "orchestrator";

    public const string PreprocessingSubscription = "preprocessing";

    /// <summary>Only events that ask for training: <see cref="TrainingRuleName"/> filters on <c>user.trigger</c>.</summary>
    public const string TrainingSubscription = "training";

    public const string InferenceSubscription = "inference";

    public const string TrainingRuleName = "model-training-trigger";

    /// <summary>The value of the <c>trigger</c> application property that routes an event to the training subscription.</summary>
    public const string ModelTrainingTrigger = "model_training";

    /// <summary>Retraining commands, one session per model so a model is never trained twice at once.</summary>
    public const string RetrainingQueue = "model-retraining";

    /// <summary>Commands that start pipeline runs (validate, train, evaluate, promote).</summary>
    public const string PipelineRunsQueue = "pipeline-runs";

    /// <summary>
    /// The orchestrator's own scheduled messages: activity timeouts, retry backoffs and schedule-trigger firings. Apart
    /// from <see cref="PipelineRunsQueue"/> so a burst of timers never delays a start and that queue's depth still means
    /// runs waiting to start. Ids are deterministic, so duplicate detection drops a timer scheduled twice.
    /// </summary>
    public const string PipelineTimersQueue = "pipeline-timers";

    public static readonly TimeSpan RetrainingLockDuration = TimeSpan.FromMinutes(1);

    public const int MaxDeliveryCount = 10;

    public static TopologyModel Model { get; } = new TopologyModel(
        [
            new QueueDefinition(RetrainingQueue)
            {
                MaxDeliveryCount = MaxDeliveryCount,
                LockDuration = RetrainingLockDuration,
                RequiresDuplicateDetection = true,
                RequiresSession = true,
                DeadLetteringOnMessageExpiration = true,
            },
            new QueueDefinition(PipelineRunsQueue)
            {
                MaxDeliveryCount = MaxDeliveryCount,
                RequiresDuplicateDetection = true,
                DeadLetteringOnMessageExpiration = true,
            },
            new QueueDefinition(PipelineTimersQueue)
            {
                MaxDeliveryCount = MaxDeliveryCount,
                RequiresDuplicateDetection = true,
                DeadLetteringOnMessageExpiration = true,
            },
        ],
        [
            new TopicDefinition(WorkloadEventsTopic)
            {
                EnablePartitioning = true,
                RequiresDuplicateDetection = true,
                Subscriptions =
                [
                    Subscription(OrchestratorSubscription),
                    StageTap(PreprocessingSubscription),
                    StageTap(TrainingSubscription) with
                    {
                        Rules = [RuleDefinition.Sql(TrainingRuleName, $"user.{MessageProperties.Trigger} = '{ModelTrainingTrigger}'")],
                    },
                    Subscription(InferenceSubscription),
                ],
            },
        ]).Validate();

    /// <summary>How long a stage tap keeps a copy that no worker has taken.</summary>
    public static TimeSpan StageTapTimeToLive => TimeSpan.FromDays(7);

    /// <summary>
    /// The per-stage subscriptions of the seeds (preprocessing, training) are taps for stage workers outside the three
    /// services, which read what they need from their own subscriptions. With nobody attached, every event would pile up
    /// there forever, so copies expire after <see cref="StageTapTimeToLive"/> and are dropped, not dead-lettered.
    /// </summary>
    private static SubscriptionDefinition StageTap(string name) => Subscription(name) with
    {
        DefaultMessageTimeToLive = StageTapTimeToLive,
        DeadLetteringOnMessageExpiration = false,
    };

    /// <summary>Dead-letter expired events too: an event that nobody handled in time is worth an operator's look.</summary>
    private static SubscriptionDefinition Subscription(string name) => new(name)
    {
        MaxDeliveryCount = MaxDeliveryCount,
        DeadLetteringOnMessageExpiration = true,
    };
}
