using AiWorkload.Messaging.Processing;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Options;

/// <summary>Settings of the retraining service, bound from the <c>Training</c> configuration section.</summary>
public sealed class RetrainingOptions
{
    public const string SectionName = "Training";

    /// <summary>Fewer rows than this is not a dataset worth training on: the job is dead-lettered as InsufficientData.</summary>
    public int MinimumRows { get; set; } = 20;

    /// <summary>Models trained at once (session slots on the retraining queue); each model still trains one job at a time.</summary>
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>How long the queue lock is renewed for one job. Training outlives the queue's one-minute lock, so this is long.</summary>
    public TimeSpan MaxJobDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How often the dead-letter queue is read for requests the broker dead-lettered by itself (see DeadLetteredJobSweeper),
    /// so their status says <c>failed</c>.
    /// </summary>
    public TimeSpan DeadLetterSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Drives the train/validation split: the same seed gives the same validation rows, which promotion relies on.</summary>
    public int Seed { get; set; } = TrainingOptions.Default.Seed;

    public double ValidationFraction { get; set; } = TrainingOptions.Default.ValidationFraction;

    /// <summary>Wall-clock budget of one training run; an external trainer's own setting wins. Null for none.</summary>
    public TimeSpan? TimeBudget { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Transient failures (a store or catalog outage) are retried with backoff. Attempts stay below the queue's
    /// MaxDeliveryCount of 10, so this policy, which publishes TrainingFailed, decides before the broker's backstop.
    /// </summary>
    public RetryPolicy Retry { get; set; } = new()
    {
        MaxAttempts = 5,
        InitialDelay = TimeSpan.FromSeconds(5),
        MaxDelay = TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// How often inference re-reads which version is promoted. ModelPromoted switches at once, but with several instances
    /// only one of them receives each event from the subscription; the others catch up within this interval.
    /// </summary>
    public TimeSpan ServingRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    public ArtifactStoreOptions Artifacts { get; set; } = new();

    /// <summary>External trainers by the name models refer to (<c>Training:ExternalTrainers:&lt;name&gt;:Command</c>).</summary>
    public Dictionary<string, ExternalTrainerSettings> ExternalTrainers { get; } = new(StringComparer.Ordinal);

    public TrainingOptions ToTrainingOptions(TimeSpan? timeBudget) => TrainingOptions.Default with
    {
        Seed = Seed,
        ValidationFraction = ValidationFraction,
        TimeBudget = timeBudget,
    };
}
