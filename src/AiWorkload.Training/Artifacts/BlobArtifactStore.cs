using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AiWorkload.Training.Artifacts;

/// <summary>
/// Artifacts as block blobs in one container of Azure Blob Storage (or Azurite), through the Azure SDK. An upload is
/// atomic whether it goes in one request or as staged blocks committed by one block list: readers see the previous blob
/// or the whole new one. Failures surface as the SDK's <see cref="RequestFailedException"/> (Status, ErrorCode).
/// </summary>
public sealed class BlobArtifactStore(BlobContainerClient container) : IArtifactStore
{
    /// <summary>
    /// Upload in blocks of this size, a few in flight: memory stays bounded however large the artifact or however
    /// unseekable its stream (the SDK's default first request would buffer up to 256 MiB).
    /// </summary>
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 2,
    };

    // A service SAS (sr=c) is issued for an existing container and cannot create one; account credentials can.
    private readonly bool _mayCreateContainer = new BlobUriBuilder(container.Uri).Sas is not { Resource.Length: > 0 };
    private volatile bool _containerExists;

    public BlobContainerClient Container { get; } = container;

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArtifactKeys.Validate(key);
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, TransferOptions = Transfer };
        await Container.GetBlobClient(key).UploadAsync(content, options, cancellationToken);
    }

    public async Task<StoredArtifact?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArtifactKeys.Validate(key);
        Response<BlobDownloadStreamingResult> response;
        try
        {
            response = await Container.GetBlobClient(key).DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }

        var download = response.Value;
        return new StoredArtifact(download.Details.ContentType ?? "application/octet-stream", download.Content, download);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArtifactKeys.Validate(key);
        return await Container.GetBlobClient(key).ExistsAsync(cancellationToken);
    }

    /// <summary>
    /// Asks for a blob that is never written: an answer, found or not, proves the account reachable and the credential
    /// accepted, even before the first artifact creates the container, and needs only the read right a container SAS has.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(".health-probe").ExistsAsync(cancellationToken);

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        // Racing first writers both ask; creating is idempotent, so no lock is needed.
        if (_containerExists || !_mayCreateContainer)
        {
            return;
        }

        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _containerExists = true;
    }
}
