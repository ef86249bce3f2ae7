using System.Collections.Concurrent;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Inference;

/// <summary>
/// The promoted model of each model id, in memory. Loaded lazily from the catalog and the artifact store; switched to a
/// new version when ModelPromoted arrives, with no restart. A version never replaces a newer one, so a late or repeated
/// event is harmless. The catalog is re-checked every ServingRefreshInterval, for instances that did not get the event.
/// </summary>
public sealed class ModelServingCache(
    IWorkloadCatalog catalog,
    IArtifactStore artifacts,
    IOptions<RetrainingOptions> options,
    TimeProvider time,
    ILogger<ModelServingCache> logger)
{
    private readonly ConcurrentDictionary<string, ServedModel> _served = new(StringComparer.Ordinal);

    /// <summary>The promoted version of <paramref name="modelId"/>; null when the model has none (or does not exist).</summary>
    public async Task<ServedModel?> GetAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        var now = time.GetUtcNow();
        if (_served.TryGetValue(modelId, out var current) && now - current.CheckedAt < options.Value.ServingRefreshInterval)
        {
            return current;
        }

        var promoted = await catalog.GetPromotedVersionAsync(modelId, cancellationToken);
        if (promoted is null)
        {
            return current;
        }

        return current is not null && current.Version >= promoted.Version
            ? Install(current with { CheckedAt = now })
            : Install(await LoadAsync(promoted, now, cancellationToken));
    }

    /// <summary>Serves <paramref name="version"/> from now on unless a newer one is already served; true when it switched.</summary>
    public async Task<bool> SwitchToAsync(string modelId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        if (_served.TryGetValue(modelId, out var current) && current.Version >= version)
        {
            logger.LogDebug("Model {ModelId} already serves v{Served}; ignoring the promotion of v{Version}", modelId, current.Version, version);
            return false;
        }

        var record = (await catalog.GetVersionsAsync(modelId, cancellationToken)).FirstOrDefault(v => v.Version == version)
            ?? throw new InvalidOperationException($"Model '{modelId}' has no version {version} in the catalog.");
        var loaded = await LoadAsync(record, time.GetUtcNow(), cancellationToken);
        var installed = Install(loaded);
        if (ReferenceEquals(installed, loaded))
        {
            logger.LogInformation("Inference for model {ModelId} switched to v{Version}", modelId, version);
            return true;
        }

        return false;
    }

    private ServedModel Install(ServedModel candidate) =>
        _served.AddOrUpdate(candidate.ModelId, candidate, (_, existing) => existing.Version > candidate.Version ? existing : candidate);

    private async Task<ServedModel> LoadAsync(ModelVersion version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await artifacts.OpenReadAsync(version.ArtifactKey, cancellationToken)
            ?? throw new InvalidOperationException($"The artifact '{version.ArtifactKey}' of v{version.Version} of model '{version.ModelId}' is missing from the artifact store.");
        await using (stored)
        {
            // An external trainer's artifact is opaque: remember that, without reading what could be a large file.
            var model = stored.ContentType == TrainedModel.ArtifactContentType ? TrainedModel.ReadJson(stored.Content) : null;
            return new ServedModel(version.ModelId, version.Version, version.Trainer, stored.ContentType, model, now);
        }
    }
}
