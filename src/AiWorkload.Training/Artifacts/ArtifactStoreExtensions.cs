using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Artifacts;

public static class ArtifactStoreExtensions
{
    public static async Task PutAsync(this IArtifactStore store, string key, ModelArtifact artifact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(artifact);
        using var content = new MemoryStream(artifact.Bytes, writable: false);
        await store.PutAsync(key, content, artifact.ContentType, cancellationToken);
    }

    /// <summary>The whole artifact in memory, or null when the key holds nothing.</summary>
    public static async Task<ModelArtifact?> GetAsync(this IArtifactStore store, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        await using (stored)
        {
            using var buffer = new MemoryStream();
            await stored.Content.CopyToAsync(buffer, cancellationToken);
            return new ModelArtifact(stored.ContentType, buffer.ToArray());
        }
    }
}
