using AiWorkload.Catalog.Models;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Picks the trainer a model names: <c>builtin</c> is logistic regression for classification and ridge regression for
/// regression; any other name is a trainer registered as <see cref="ITrainer"/> or an external one from
/// <c>Training:ExternalTrainers:&lt;name&gt;</c>.
/// </summary>
public sealed class TrainerResolver(IEnumerable<ITrainer> registered, IOptions<RetrainingOptions> options)
{
    public const string BuiltIn = "builtin";

    public ResolvedTrainer Resolve(ModelDefinition model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var task = ToModelTask(model.Task);
        var settings = options.Value;
        ResolvedTrainer resolved;
        if (string.Equals(model.Trainer, BuiltIn, StringComparison.OrdinalIgnoreCase))
        {
            var name = task == ModelTask.Classification ? LogisticRegressionTrainer.TrainerName : LinearRegressionTrainer.TrainerName;
            resolved = new ResolvedTrainer(registered.First(t => t.Name == name), settings.TimeBudget);
        }
        else if (registered.FirstOrDefault(t => t.Name == model.Trainer) is { } trainer)
        {
            resolved = new ResolvedTrainer(trainer, settings.TimeBudget);
        }
        else if (settings.ExternalTrainers.TryGetValue(model.Trainer, out var external) && !string.IsNullOrWhiteSpace(external.Command))
        {
            resolved = new ResolvedTrainer(new ExternalCommandTrainer(external.ToTrainerOptions(model.Trainer)), external.TimeBudget ?? settings.TimeBudget);
        }
        else
        {
            var known = registered.Select(t => t.Name).Concat(settings.ExternalTrainers.Keys).Prepend(BuiltIn);
            throw new TrainingJobRejectedException(TrainingFailureReasons.UnknownTrainer,
                $"Model '{model.ModelId}' names trainer '{model.Trainer}', which is not configured; known trainers: {string.Join(", ", known)}.");
        }

        return resolved.Trainer.Supports(task)
            ? resolved
            : throw new TrainingJobRejectedException(TrainingFailureReasons.UnknownTrainer,
                $"Trainer '{resolved.Trainer.Name}' does not support {model.Task.ToString().ToLowerInvariant()}, the task of model '{model.ModelId}'.");
    }

    public static ModelTask ToModelTask(TaskType task) => task == TaskType.Regression ? ModelTask.Regression : ModelTask.Classification;
}
