using System.Net;
using System.Net.Http.Headers;

namespace AiWorkload.Training.Artifacts;

/// <summary>
/// Artifacts as block blobs in one container of Azure Blob Storage (or Azurite), spoken over the Blob REST API with
/// Shared Key or SAS authentication. A Put Blob is atomic: readers see the previous blob or the whole new one.
/// </summary>
/// <remarks>
/// The REST API rather than Azure.Storage.Blobs: that package needs System.IO.Hashing, which the feed CI reaches does not
/// carry, so it cannot restore in the core layer. The four operations used here are small and stable (API version
/// <see cref="SharedKeyAuthenticationHandler.ApiVersion"/>); swapping in the SDK later changes only this class.
/// </remarks>
public sealed class BlobArtifactStore : IArtifactStore, IDisposable
{
    private readonly HttpClient _http;
    private readonly BlobStorageConnection _connection;
    private readonly string _container;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _containerExists;

    public BlobArtifactStore(BlobStorageConnection connection, string container, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentNullException.ThrowIfNull(time);
        _connection = connection;
        _container = container;
        HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (connection.UsesSharedKey)
        {
            handler = new SharedKeyAuthenticationHandler(connection.AccountName!, connection.AccountKey!, time) { InnerHandler = handler };
        }

        _http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArtifactKeys.Validate(key);
        await EnsureContainerAsync(cancellationToken);

        // Put Blob needs the length up front; a stream that cannot tell it is buffered first.
        Stream body = content;
        MemoryStream? buffered = null;
        if (!content.CanSeek)
        {
            buffered = new MemoryStream();
            await content.CopyToAsync(buffered, cancellationToken);
            buffered.Position = 0;
            body = buffered;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, BlobUri(key));
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
            request.Headers.Add("x-ms-blob-content-type", contentType);
            request.Content = new StreamContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            request.Content.Headers.ContentLength = body.Length - body.Position;
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            await EnsureSuccessAsync(response, $"store artifact '{key}'");
        }
        finally
        {
            if (buffered is not null)
            {
                await buffered.DisposeAsync();
            }
        }
    }

    public async Task<StoredArtifact?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArtifactKeys.Validate(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, BlobUri(key));
        var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        try
        {
            await EnsureSuccessAsync(response, $"read artifact '{key}'");
            var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            return new StoredArtifact(contentType, await response.Content.ReadAsStreamAsync(cancellationToken), response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArtifactKeys.Validate(key);
        using var request = new HttpRequestMessage(HttpMethod.Head, BlobUri(key));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"check artifact '{key}'");
        return true;
    }

    /// <summary>Reads the container's properties: reachable and authorized is healthy, even before the first artifact creates it.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ContainerUri());
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, $"read container '{_container}'");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _creating.Dispose();
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerExists)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (_containerExists)
            {
                return;
            }

            using var request = new HttpRequestMessage(HttpMethod.Put, ContainerUri());
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                await EnsureSuccessAsync(response, $"create container '{_container}'");
            }

            _containerExists = true;
        }
        finally
        {
            _creating.Release();
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (!_connection.UsesSharedKey)
        {
            request.Headers.Add("x-ms-version", SharedKeyAuthenticationHandler.ApiVersion);
        }

        return _http.SendAsync(request, completion, cancellationToken);
    }

    private Uri ContainerUri() => WithSignature(new Uri(_connection.BlobEndpoint, $"{_container}?restype=container"));

    // Keys are validated to URL-safe characters, so the path needs no escaping.
    private Uri BlobUri(string key) => WithSignature(new Uri(_connection.BlobEndpoint, $"{_container}/{key}"));

    private Uri WithSignature(Uri uri) => _connection.SharedAccessSignature is not { } sas
        ? uri
        : new Uri(uri + (string.IsNullOrEmpty(uri.Query) ? "?" : "&") + sas);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync();
        throw new BlobStorageException(
            $"Blob storage could not {operation}: {(int)response.StatusCode} {response.ReasonPhrase} ({code ?? "no error code"}). {Truncate(body)}",
            response.StatusCode,
            code);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
