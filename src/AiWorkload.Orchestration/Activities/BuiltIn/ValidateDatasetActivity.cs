using System.Globalization;
using AiWorkload.Catalog;

namespace AiWorkload.Orchestration.Activities.BuiltIn;

/// <summary>
/// Checks that the model's dataset (or <c>datasetId</c>) exists and holds at least <c>minRows</c> rows (default 1).
/// Outputs datasetId, totalRows, dataVersion and newRows (rows since the model's last trained version).
/// A missing model or dataset, or too few rows, fails without retrying: retrying would see the same catalog.
/// </summary>
internal sealed class ValidateDatasetActivity(IWorkloadCatalog catalog) : IActivity
{
    public string Type => ActivityTypes.ValidateDataset;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var modelId = context.GetInput("modelId");
        var datasetId = context.GetInput("datasetId");
        if (datasetId is null)
        {
            var model = await catalog.GetModelAsync(modelId ?? throw new ActivityInputException("input 'modelId' or 'datasetId' is required"), cancellationToken);
            if (model is null)
            {
                return ActivityResult.Failed($"model '{modelId}' is not registered", retryable: false);
            }

            datasetId = model.DatasetId;
        }

        var minRows = context.GetInput("minRows") is { } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 ? parsed : throw new ActivityInputException($"input 'minRows' is '{text}', not a whole number")
            : 1;
        if (await catalog.GetDatasetAsync(datasetId, cancellationToken) is not { } dataset)
        {
            return ActivityResult.Failed($"dataset '{datasetId}' does not exist", retryable: false);
        }

        if (dataset.TotalRows < minRows)
        {
            return ActivityResult.Failed($"dataset '{datasetId}' has {dataset.TotalRows} rows; at least {minRows} are needed", retryable: false);
        }

        var trainedOn = modelId is null ? 0 : (await catalog.GetVersionsAsync(modelId, cancellationToken)).Select(v => v.DataVersion).DefaultIfEmpty(0).Max();
        var newRows = await catalog.CountRowsAfterAsync(datasetId, trainedOn, cancellationToken);
        return ActivityResult.Completed(new Dictionary<string, string>
        {
            ["datasetId"] = datasetId,
            ["totalRows"] = dataset.TotalRows.ToString(CultureInfo.InvariantCulture),
            ["dataVersion"] = dataset.DataVersion.ToString(CultureInfo.InvariantCulture),
            ["newRows"] = newRows.ToString(CultureInfo.InvariantCulture),
        });
    }
}
