namespace AiWorkload.Training.Artifacts;

/// <summary>An artifact being read: its content type and a stream over its bytes, which the reader disposes.</summary>
public sealed class StoredArtifact(string contentType, Stream content, IDisposable? owner = null) : IAsyncDisposable
{
    public string ContentType { get; } = contentType;

    public Stream Content { get; } = content;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner?.Dispose();
    }
}
