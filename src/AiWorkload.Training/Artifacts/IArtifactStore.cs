namespace AiWorkload.Training.Artifacts;

/// <summary>
/// Model artifacts by key. The key is the claim check that the registry and messages carry instead of the bytes, so
/// no message comes near the Service Bus size limit however large a model grows.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing what is there; readers never see a partial artifact.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Null when nothing is stored under <paramref name="key"/>; the caller disposes the result.</summary>
    Task<StoredArtifact?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached or written: what the health check reports.</summary>
    Task CheckAsync(CancellationToken cancellationToken = default);
}
