using System.Net;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Artifacts;

/// <summary>The blob store against Azurite over HTTP, with Shared Key signing, exactly as it talks to Azure.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobArtifactStoreTests : ArtifactStoreContractTests, IDisposable
{
    private readonly AzuriteFixture _azurite;
    private readonly BlobArtifactStore _store;

    public BlobArtifactStoreTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _store = new BlobArtifactStore(BlobStorageConnection.Parse(azurite.ConnectionString), NewContainer(), TimeProvider.System);
    }

    protected override IArtifactStore Store => _store;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_wrong_account_key_is_refused_by_the_service_with_its_error_code()
    {
        var wrongKey = _azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        using var store = new BlobArtifactStore(BlobStorageConnection.Parse(wrongKey), NewContainer(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<BlobStorageException>(() => store.PutAsync("m/j/a.bin", new ModelArtifact("application/x", [1])));

        Assert.Equal((HttpStatusCode.Forbidden, "AuthorizationFailure"), (error.Status, error.ErrorCode));
        await Assert.ThrowsAsync<BlobStorageException>(() => store.CheckAsync());
    }

    private static string NewContainer() => $"test-{Guid.NewGuid():N}";
}
