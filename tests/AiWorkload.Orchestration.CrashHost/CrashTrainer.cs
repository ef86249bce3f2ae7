using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;

namespace AiWorkload.Orchestration.CrashHost;

/// <summary>
/// Trains nothing: records a better version for the job (idempotent by job id), promotes it, and replies after a short
/// random pause so the parent's kills land at varied points of the runs (or never, when holding).
/// </summary>
internal sealed class CrashTrainer(IWorkloadCatalog catalog, IMessageBus bus) : IMessageHandler<RetrainModel>
{
    /// <summary>One model per run: manual retrainings of one model are single-flight, and these runs must all be in flight at once.</summary>
    public const string ModelPrefix = "crash-model-";

    public const int Models = 32;

    public static bool Hold { get; set; }

    public static Task SeedAsync(IWorkloadCatalog catalog) => catalog.WriteAsync(w =>
    {
        w.CreateDataset(new DatasetDefinition("crash-data", ["x"], "y", LabelKind.Categorical));
        w.AppendRows("crash-data", "seed", [new DatasetRow([1], "a"), new DatasetRow([2], "b")]);
        for (var i = 0; i < Models; i++)
        {
            w.RegisterModel(new ModelDefinition(ModelPrefix + i, ModelPrefix + i, "crash-data", TaskType.Classification, new PromotionPolicy("accuracy"),
                new DriftPolicy("accuracy", 0.05, 0.5, TimeSpan.FromHours(1), 0), DateTimeOffset.UnixEpoch));
        }

        return true;
    });

    public async Task HandleAsync(RetrainModel message, IMessageContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine($"RETRAIN {message.RequestId}");
        await Task.Delay(Hold ? Timeout.Infinite : Random.Shared.Next(10, 60), cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var modelId = message.ModelId;
        var version = await catalog.WriteAsync(w =>
        {
            var added = w.AddVersion(new NewModelVersion(modelId, message.RequestId, "crash", 1, new Dictionary<string, double> { ["accuracy"] = 0.5 }, "none", now, 0));
            return added.Status == VersionStatus.Candidate ? w.SetVersionStatus(modelId, added.Version, VersionStatus.Promoted, "newest wins") : added;
        }, cancellationToken);
        await bus.PublishAsync(new ModelTrained($"trained:{message.RequestId}", message.RequestId, modelId, version.Version, "crash", 1, version.Metrics, "accuracy", now, message.RunId), cancellationToken: cancellationToken);
        await bus.PublishAsync(new ModelPromoted($"promoted:{message.RequestId}", message.RequestId, modelId, version.Version, null, "accuracy", 0.5, null, "newest wins", now, message.RunId), cancellationToken: cancellationToken);
    }
}
