using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Artifacts;

/// <summary>The blob store against Azurite over HTTP through the Azure SDK, exactly as it talks to Azure.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobArtifactStoreTests(AzuriteFixture azurite) : ArtifactStoreContractTests
{
    // The contract suite runs on the connection-string form, shared key signed.
    private readonly BlobArtifactStore _store = new(BlobStorageConnection.CreateContainerClient(azurite.ConnectionString, NewContainer()));

    protected override IArtifactStore Store => _store;

    [Fact]
    public async Task A_wrong_account_key_is_refused_by_the_service_with_its_error_code()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var store = new BlobArtifactStore(BlobStorageConnection.CreateContainerClient(wrongKey, NewContainer()));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.PutAsync("m/j/a.bin", new ModelArtifact("application/x", [1])));

        Assert.Equal((403, "AuthorizationFailure"), (error.Status, error.ErrorCode));
        await Assert.ThrowsAsync<RequestFailedException>(() => store.CheckAsync());
    }

    [Fact]
    public async Task A_container_SAS_URL_alone_stores_and_reads_artifacts()
    {
        var owner = BlobStorageConnection.CreateContainerClient(azurite.ConnectionString, NewContainer());
        await owner.CreateAsync();
        var permissions = BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Create;
        var sasUrl = owner.GenerateSasUri(permissions, DateTimeOffset.UtcNow.AddHours(1)).ToString();
        var store = new BlobArtifactStore(BlobStorageConnection.CreateContainerClient(sasUrl, "ignored-the-url-names-it"));

        await store.CheckAsync();
        await store.PutAsync("churn/job-1/model.json", new ModelArtifact("application/json", [7, 8, 9]));

        Assert.Equal(owner.Name, store.Container.Name);
        Assert.False(store.Container.CanGenerateSasUri); // no key anywhere: only the signature authorizes
        Assert.True(await store.ExistsAsync("churn/job-1/model.json"));
        Assert.Equal([7, 8, 9], (await store.GetAsync("churn/job-1/model.json"))!.Bytes);
        Assert.True(await owner.GetBlobClient("churn/job-1/model.json").ExistsAsync());
    }

    [Fact]
    public async Task A_SAS_URL_that_lacks_write_permission_is_refused_on_put()
    {
        var owner = BlobStorageConnection.CreateContainerClient(azurite.ConnectionString, NewContainer());
        await owner.CreateAsync();
        var readOnly = owner.GenerateSasUri(BlobContainerSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1)).ToString();
        var store = new BlobArtifactStore(BlobStorageConnection.CreateContainerClient(readOnly, "models"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.PutAsync("m/j/a.bin", new ModelArtifact("application/x", [1])));

        Assert.Equal(403, error.Status);
    }

    private static string NewContainer() => $"test-{Guid.NewGuid():N}";
}
