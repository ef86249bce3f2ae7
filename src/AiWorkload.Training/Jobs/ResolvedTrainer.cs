using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Jobs;

/// <summary>The trainer a job runs and the time budget it runs under.</summary>
public sealed record ResolvedTrainer(ITrainer Trainer, TimeSpan? TimeBudget);
