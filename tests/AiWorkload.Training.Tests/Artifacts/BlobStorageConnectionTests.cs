using AiWorkload.Training.Artifacts;

namespace AiWorkload.Training.Tests.Artifacts;

public sealed class BlobStorageConnectionTests
{
    [Fact]
    public void An_account_key_connection_string_gives_the_account_blob_endpoint()
    {
        var connection = BlobStorageConnection.Parse("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=AAAA;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://acme.blob.core.windows.net/"), connection.BlobEndpoint);
        Assert.True(connection.UsesSharedKey);
        Assert.Equal([0, 0, 0], connection.AccountKey);
    }

    [Fact]
    public void An_explicit_blob_endpoint_wins_as_Azurite_needs()
    {
        var connection = BlobStorageConnection.Parse("AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/"), connection.BlobEndpoint);
    }

    [Fact]
    public void A_shared_access_signature_needs_no_key()
    {
        var connection = BlobStorageConnection.Parse("BlobEndpoint=https://acme.blob.core.windows.net;SharedAccessSignature=?sv=2021-12-02&sig=abc%3D");

        Assert.False(connection.UsesSharedKey);
        Assert.Equal("sv=2021-12-02&sig=abc%3D", connection.SharedAccessSignature);
    }

    [Theory]
    [InlineData("AccountName=acme")]
    [InlineData("AccountName=acme;AccountKey=not base64!")]
    [InlineData("SharedAccessSignature=sv=1")]
    [InlineData("garbage")]
    public void Incomplete_or_malformed_connection_strings_are_refused(string connectionString) =>
        Assert.Throws<FormatException>(() => BlobStorageConnection.Parse(connectionString));
}
