using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Reads a model's dataset at one data version and turns it into a <see cref="TabularDataset"/>, rejecting data that
/// no retry could make trainable with a <see cref="TrainingJobRejectedException"/> that says what is wrong. Rows that
/// hold values no trainer can use are left out and reported (<see cref="TrainableRowFilter"/>) rather than failing the job.
/// </summary>
public sealed class TrainingDataLoader(IWorkloadCatalog catalog, IOptions<RetrainingOptions> options, ILogger<TrainingDataLoader> logger)
{
    /// <param name="dataVersion">The version to pin to; null for the newest.</param>
    public async Task<TrainingData> LoadAsync(ModelDefinition model, long? dataVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        DatasetSnapshot snapshot;
        try
        {
            snapshot = await catalog.ReadDatasetAsync(model.DatasetId, dataVersion, cancellationToken);
        }
        catch (CatalogNotFoundException error)
        {
            throw new TrainingJobRejectedException(TrainingFailureReasons.UnknownDataset,
                $"Model '{model.ModelId}' trains on dataset '{model.DatasetId}', which does not exist.", error);
        }

        var definition = snapshot.Definition;
        var regression = model.Task == TaskType.Regression;
        if (regression && definition.LabelKind != LabelKind.Numeric)
        {
            throw Mismatch(model, $"regression needs a numeric label, but '{definition.Label}' is {definition.LabelKind.ToString().ToLowerInvariant()}");
        }

        var (rows, excluded) = TrainableRowFilter.Apply(snapshot.Rows, numericTarget: regression);
        var minimum = options.Value.MinimumRows;
        if (rows.Count < minimum)
        {
            var left = excluded is null ? string.Empty : $" once {excluded.Describe(snapshot.DataVersion)[..^1]}, which leaves {rows.Count}";
            throw new TrainingJobRejectedException(TrainingFailureReasons.InsufficientData,
                $"Dataset '{model.DatasetId}' has {snapshot.Rows.Count} rows at data version {snapshot.DataVersion}{left}; training needs at least {minimum}.");
        }

        if (excluded is not null)
        {
            logger.LogWarning("Dataset {DatasetId} at data version {DataVersion}: {Exclusion}", model.DatasetId, snapshot.DataVersion, excluded.Describe(snapshot.DataVersion));
        }

        return new TrainingData(model.DatasetId, snapshot.DataVersion, ToDataset(model, definition, rows), excluded);
    }

    private static TabularDataset ToDataset(ModelDefinition model, DatasetDefinition definition, IReadOnlyList<DatasetRow> snapshotRows)
    {
        var rows = snapshotRows.Select(r => r.Features).ToList();
        try
        {
            if (model.Task == TaskType.Regression)
            {
                return TabularDataset.ForRegression(definition.Features, rows, [.. snapshotRows.Select((r, i) => ParseTarget(model, r.Label, i))], definition.Label);
            }

            var dataset = TabularDataset.ForClassification(definition.Features, rows, [.. snapshotRows.Select(r => r.Label)], definition.Label);
            return dataset.ClassLabels.Count >= 2
                ? dataset
                : throw new TrainingJobRejectedException(TrainingFailureReasons.InsufficientData,
                    $"Dataset '{model.DatasetId}' holds only the class [{string.Join(", ", dataset.ClassLabels)}]; classification needs at least two.");
        }
        catch (ArgumentException error)
        {
            throw Mismatch(model, error.Message, error);
        }
    }

    private static double ParseTarget(ModelDefinition model, string label, int row) =>
        TrainableRowFilter.TryParseTarget(label, out var value)
            ? value
            : throw Mismatch(model, $"row {row} has the label '{label}', which is not a finite number");

    private static TrainingJobRejectedException Mismatch(ModelDefinition model, string detail, Exception? inner = null) =>
        new(TrainingFailureReasons.SchemaMismatch, $"Dataset '{model.DatasetId}' does not fit model '{model.ModelId}' ({model.Task.ToString().ToLowerInvariant()}): {detail}.", inner);
}
