using System.Globalization;
using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Policies;

/// <summary>
/// On DataIngested: for each model trained on the dataset, counts rows added after the data version of its last trained
/// version (any status, so a rejected retraining also resets the count) and starts the new-data pipeline once that reaches
/// the policy's NewDataRows, unless a retraining is active. No cool-down: the row count itself spaces retrainings.
/// </summary>
internal sealed class NewDataPolicy(IWorkloadCatalog catalog, PipelineRegistry pipelines) : IEventPolicy
{
    public async Task EvaluateAsync(RunEvent received, RunWork work, CancellationToken cancellationToken)
    {
        if (received.Type != nameof(DataIngested))
        {
            return;
        }

        var ingested = received.Body.Deserialize(WorkloadJsonContext.Default.DataIngested)!;
        var models = (await catalog.ListModelsAsync(cancellationToken)).Where(m => m.DatasetId == ingested.DatasetId).ToList();
        if (models.Count == 0)
        {
            DecisionRecorder.Record(work, PolicyNames.NewData, null, received.MessageId, false, $"no model is trained on dataset '{ingested.DatasetId}'",
                new Dictionary<string, string> { ["datasetId"] = ingested.DatasetId });
            return;
        }

        foreach (var model in models)
        {
            await EvaluateAsync(model, ingested, received.MessageId, work, cancellationToken);
        }
    }

    private async Task EvaluateAsync(ModelDefinition model, DataIngested ingested, string eventId, RunWork work, CancellationToken cancellationToken)
    {
        var threshold = model.Drift.NewDataRows;
        var trainedOn = (await catalog.GetVersionsAsync(model.ModelId, cancellationToken)).Select(v => v.DataVersion).DefaultIfEmpty(0).Max();
        var newRows = await catalog.CountRowsAfterAsync(ingested.DatasetId, trainedOn, cancellationToken);
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["datasetId"] = ingested.DatasetId,
            ["newRows"] = newRows.ToString(CultureInfo.InvariantCulture),
            ["threshold"] = threshold.ToString(CultureInfo.InvariantCulture),
            ["sinceDataVersion"] = trainedOn.ToString(CultureInfo.InvariantCulture),
        };
        void Decide(bool triggered, string reason, string? runId = null) =>
            DecisionRecorder.Record(work, PolicyNames.NewData, model.ModelId, eventId, triggered, reason, details, runId);

        if (threshold <= 0)
        {
            Decide(false, "new-data retraining is off for this model (NewDataRows is 0)");
            return;
        }

        var counted = $"{newRows} new rows since data version {trainedOn} (threshold {threshold})";
        if (newRows < threshold)
        {
            Decide(false, counted);
            return;
        }

        if (await RetrainingGuard.ActiveRetrainingAsync(model.ModelId, work, pipelines, cancellationToken) is { } active)
        {
            Decide(false, $"{counted}, but run {active} is already retraining the model");
            return;
        }

        if (pipelines.FirstTriggeredBy(TriggerKind.NewData) is not { } pipeline)
        {
            Decide(false, $"{counted}, but no pipeline has a newData trigger");
            return;
        }

        var runId = $"{pipeline.Name}-{StableIds.ShortHash($"{eventId}:{model.ModelId}")}";
        RunFactory.Launch(work, pipeline, runId, PolicyNames.NewData, model.ModelId, new Dictionary<string, string> { ["reason"] = counted }, flightKey: model.ModelId);
        Decide(true, counted, runId);
    }
}
