using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>
/// What the retraining service does, minus the learning: records a version for the job (idempotently, by job id),
/// promotes it if it beats the promoted one by the policy's margin, and replies with RunId as CorrelationId.
/// </summary>
internal static class FakeTraining
{
    public static async Task<ModelVersion> RecordAsync(IWorkloadCatalog catalog, RetrainModel request, double quality, DateTimeOffset now)
    {
        var model = await catalog.GetModelAsync(request.ModelId) ?? throw new InvalidOperationException($"model {request.ModelId} is not seeded");
        var dataVersion = (await catalog.GetDatasetAsync(model.DatasetId))?.DataVersion ?? 0;
        var metric = model.Promotion.PrimaryMetric;
        return await catalog.WriteAsync(w => w.AddVersion(new NewModelVersion(request.ModelId, request.RequestId, "fake", dataVersion,
            new Dictionary<string, double> { [metric] = quality }, $"artifacts/{request.RequestId}", now, 0.01)));
    }

    /// <summary>Promotes or rejects the job's version in the catalog and returns the event that announces it.</summary>
    public static async Task<object> DecideAsync(IWorkloadCatalog catalog, RetrainModel request, DateTimeOffset now)
    {
        var model = (await catalog.GetModelAsync(request.ModelId))!;
        var metric = model.Promotion.PrimaryMetric;
        var candidate = (await catalog.GetVersionByJobAsync(request.ModelId, request.RequestId))!;
        var current = await catalog.GetPromotedVersionAsync(request.ModelId);
        var value = candidate.Metrics[metric];
        var currentValue = current is null || current.Version == candidate.Version ? (double?)null : current.Metrics[metric];
        var better = currentValue is null || value > currentValue + model.Promotion.MinimumImprovement;
        if (candidate.Status == VersionStatus.Candidate)
        {
            await catalog.WriteAsync(w => w.SetVersionStatus(request.ModelId, candidate.Version, better ? VersionStatus.Promoted : VersionStatus.Rejected, better ? "better" : "not better"));
        }

        return better
            ? new ModelPromoted($"promoted:{request.RequestId}", request.RequestId, request.ModelId, candidate.Version, current?.Version, metric, value, currentValue, "better", now, request.RunId)
            : new ModelRejected($"rejected:{request.RequestId}", request.RequestId, request.ModelId, candidate.Version, current?.Version, metric, value, currentValue, "not better", now, request.RunId);
    }

    public static ModelTrained Trained(RetrainModel request, ModelVersion version, DateTimeOffset now) =>
        new($"trained:{request.RequestId}", request.RequestId, request.ModelId, version.Version, "fake", version.DataVersion, version.Metrics,
            version.Metrics.Keys.First(), now, request.RunId);

    public static TrainingFailed Failed(RetrainModel request, DateTimeOffset now, string reason = "diverged") =>
        new($"failed:{request.RequestId}", request.RequestId, request.ModelId, reason, "the loss became NaN", now, request.RunId);

    public static Task PublishAsync(IMessageBus bus, object @event) => @event switch
    {
        ModelPromoted promoted => bus.PublishAsync(promoted),
        ModelRejected rejected => bus.PublishAsync(rejected),
        ModelTrained trained => bus.PublishAsync(trained),
        TrainingFailed failed => bus.PublishAsync(failed),
        _ => throw new ArgumentException($"not a training event: {@event}", nameof(@event)),
    };
}
