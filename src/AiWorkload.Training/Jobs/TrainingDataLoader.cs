using System.Globalization;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Reads a model's dataset at one data version and turns it into a <see cref="TabularDataset"/>, rejecting data that
/// no retry could make trainable with a <see cref="TrainingJobRejectedException"/> that says what is wrong.
/// </summary>
public sealed class TrainingDataLoader(IWorkloadCatalog catalog, IOptions<RetrainingOptions> options)
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

        var minimum = options.Value.MinimumRows;
        if (snapshot.Rows.Count < minimum)
        {
            throw new TrainingJobRejectedException(TrainingFailureReasons.InsufficientData,
                $"Dataset '{model.DatasetId}' has {snapshot.Rows.Count} rows at data version {snapshot.DataVersion}; training needs at least {minimum}.");
        }

        return new TrainingData(model.DatasetId, snapshot.DataVersion, ToDataset(model, snapshot));
    }

    private static TabularDataset ToDataset(ModelDefinition model, DatasetSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        var rows = snapshot.Rows.Select(r => r.Features).ToList();
        try
        {
            if (model.Task == TaskType.Regression)
            {
                if (definition.LabelKind != LabelKind.Numeric)
                {
                    throw Mismatch(model, $"regression needs a numeric label, but '{definition.Label}' is {definition.LabelKind.ToString().ToLowerInvariant()}");
                }

                return TabularDataset.ForRegression(definition.Features, rows, [.. snapshot.Rows.Select((r, i) => ParseTarget(model, r.Label, i))], definition.Label);
            }

            var dataset = TabularDataset.ForClassification(definition.Features, rows, [.. snapshot.Rows.Select(r => r.Label)], definition.Label);
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
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Mismatch(model, $"row {row} has the label '{label}', which is not a finite number");

    private static TrainingJobRejectedException Mismatch(ModelDefinition model, string detail, Exception? inner = null) =>
        new(TrainingFailureReasons.SchemaMismatch, $"Dataset '{model.DatasetId}' does not fit model '{model.ModelId}' ({model.Task.ToString().ToLowerInvariant()}): {detail}.", inner);
}
