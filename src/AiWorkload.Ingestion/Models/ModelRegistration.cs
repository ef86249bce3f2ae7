using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Ingestion.Http;

namespace AiWorkload.Ingestion.Models;

/// <summary>A registration that passed validation: the model to store and, when the request gave one, the dataset schema.</summary>
internal sealed record ModelRegistration(ModelDefinition Model, DatasetDefinition? Schema)
{
    /// <summary>Checks every field, naming each one at fault; defaults fill the policies.</summary>
    public static ModelRegistration? Validate(RegisterModelRequest request, DateTimeOffset now, ErrorList errors)
    {
        // Required as the OpenAPI document says: an id alone used to stand in for it, which hid a missing field.
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", request.Name is null ? "A name is required." : "A name is required; it must not be blank.");
        }
        else if (name.Length > 200)
        {
            errors.Add("name", "The name is longer than 200 characters.");
        }

        var id = request.Id ?? (name is null ? null : Identifiers.ToSlug(name));
        if (id is not null && !Identifiers.IsSlug(id))
        {
            errors.Add("id", request.Id is null
                ? $"No id can be made from the name '{name}'; give an id of {Identifiers.SlugRule}."
                : $"'{id}' is not a valid id: use {Identifiers.SlugRule}.");
        }

        TaskType? task = request.Task?.ToLowerInvariant() switch
        {
            "classification" => TaskType.Classification,
            "regression" => TaskType.Regression,
            _ => null,
        };
        if (task is null)
        {
            errors.Add("task", request.Task is null ? "A task is required: classification or regression." : $"'{request.Task}' is not a task: use classification or regression.");
        }

        var datasetId = ValidateDataset(request.Dataset, errors);
        var trainer = request.Trainer ?? ModelDefaults.Trainer;
        if (!Identifiers.IsSlug(trainer))
        {
            errors.Add("trainer", $"'{trainer}' is not a valid trainer name: use {Identifiers.SlugRule}.");
        }

        if (task is not { } taskType)
        {
            return null;
        }

        var promotion = ValidatePromotion(request.Promotion, taskType, errors);
        var drift = ValidateDrift(request.Drift, taskType, promotion.PrimaryMetric, errors);
        if (errors.Any)
        {
            return null;
        }

        var schema = request.Dataset!.Features is { } features
            ? new DatasetDefinition(datasetId!, [.. features], request.Dataset.Label!, LabelKindFor(taskType))
            : null;
        return new ModelRegistration(new ModelDefinition(id!, name!, datasetId!, taskType, promotion, drift, now, trainer), schema);
    }

    public static LabelKind LabelKindFor(TaskType task) => task == TaskType.Classification ? LabelKind.Categorical : LabelKind.Numeric;

    private static string? ValidateDataset(DatasetSchemaRequest? dataset, ErrorList errors)
    {
        if (dataset is null)
        {
            errors.Add("dataset", "A dataset is required: its id, and for a new dataset its features and label.");
            return null;
        }

        if (!Identifiers.IsSlug(dataset.Id))
        {
            errors.Add("dataset.id", dataset.Id is null ? "The dataset id is required." : $"'{dataset.Id}' is not a valid dataset id: use {Identifiers.SlugRule}.");
        }

        if (dataset.Features is null)
        {
            if (dataset.Label is not null)
            {
                errors.Add("dataset.features", "Give the feature columns with the label, or neither to use an existing dataset.");
            }

            return dataset.Id;
        }

        if (dataset.Features.Count == 0 || dataset.Features.Count > ModelDefaults.MaxFeatures)
        {
            errors.Add("dataset.features", $"Give 1 to {ModelDefaults.MaxFeatures} numeric feature columns.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dataset.Features.Count; i++)
        {
            var feature = dataset.Features[i];
            if (!Identifiers.IsColumn(feature))
            {
                errors.Add($"dataset.features[{i}]", $"'{feature}' is not a valid column name: use {Identifiers.ColumnRule}.");
            }
            else if (!seen.Add(feature))
            {
                errors.Add($"dataset.features[{i}]", $"'{feature}' is listed twice.");
            }
        }

        if (!Identifiers.IsColumn(dataset.Label))
        {
            errors.Add("dataset.label", dataset.Label is null ? "The label column is required." : $"'{dataset.Label}' is not a valid column name: use {Identifiers.ColumnRule}.");
        }
        else if (seen.Contains(dataset.Label))
        {
            errors.Add("dataset.label", $"'{dataset.Label}' is also a feature; the label must be its own column.");
        }

        return dataset.Id;
    }

    private static PromotionPolicy ValidatePromotion(PromotionPolicyRequest? request, TaskType task, ErrorList errors)
    {
        var metric = request?.PrimaryMetric ?? ModelMetricNames.DefaultFor(task);
        if (!ModelMetricNames.IsKnown(task, metric))
        {
            errors.Add("promotion.primaryMetric", $"'{metric}' is not a {task.ToString().ToLowerInvariant()} metric: use one of {ModelMetricNames.Describe(task)}.");
        }

        var improvement = request?.MinimumImprovement ?? ModelDefaults.MinimumImprovement;
        if (!double.IsFinite(improvement) || improvement < 0)
        {
            errors.Add("promotion.minimumImprovement", "The minimum improvement must be a number of 0 or more.");
        }

        return new PromotionPolicy(metric, improvement);
    }

    private static DriftPolicy ValidateDrift(DriftPolicyRequest? request, TaskType task, string primaryMetric, ErrorList errors)
    {
        var metric = request?.Metric ?? primaryMetric;
        if (!ModelMetricNames.IsKnown(task, metric))
        {
            errors.Add("drift.metric", $"'{metric}' is not a {task.ToString().ToLowerInvariant()} metric: use one of {ModelMetricNames.Describe(task)}.");
        }

        var maxDrop = request?.MaxDrop ?? ModelDefaults.MaxDrop;
        if (!double.IsFinite(maxDrop) || maxDrop < 0)
        {
            errors.Add("drift.maxDrop", "The maximum drop must be a number of 0 or more.");
        }

        var threshold = request?.DriftScoreThreshold ?? ModelDefaults.DriftScoreThreshold;
        if (!double.IsFinite(threshold) || threshold <= 0)
        {
            errors.Add("drift.driftScoreThreshold", "The drift score threshold must be a number above 0.");
        }

        var coolDownSeconds = request?.CoolDownSeconds ?? ModelDefaults.CoolDown.TotalSeconds;
        if (!double.IsFinite(coolDownSeconds) || coolDownSeconds < 0 || coolDownSeconds > ModelDefaults.MaxCoolDown.TotalSeconds)
        {
            errors.Add("drift.coolDownSeconds", $"The cool-down must be 0 to {ModelDefaults.MaxCoolDown.TotalSeconds:F0} seconds.");
            coolDownSeconds = 0;
        }

        var newDataRows = request?.NewDataRows ?? ModelDefaults.NewDataRows;
        if (newDataRows < 1)
        {
            errors.Add("drift.newDataRows", "The new-data threshold must be at least 1 row.");
        }

        return new DriftPolicy(metric, maxDrop, threshold, TimeSpan.FromSeconds(coolDownSeconds), newDataRows);
    }
}
