using AiWorkload.Training.Artifacts;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace AiWorkload.Training.Tests.Artifacts;

/// <summary>The three forms of the artifacts setting, checked without a network; Azurite runs the connection string and SAS forms.</summary>
public sealed class BlobStorageConnectionTests
{
    [Fact]
    public void An_account_key_connection_string_targets_the_account_blob_endpoint_with_a_shared_key()
    {
        var client = BlobStorageConnection.CreateContainerClient("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=AAAA;EndpointSuffix=core.windows.net", "models");

        Assert.Equal(new Uri("https://acme.blob.core.windows.net/models"), client.Uri);
        Assert.True(client.CanGenerateSasUri);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")]
    public void Azurite_connection_strings_target_its_endpoint(string connectionString)
    {
        var client = BlobStorageConnection.CreateContainerClient(connectionString, "models");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/models"), client.Uri);
        Assert.Equal(("devstoreaccount1", "models"), (client.AccountName, client.Name));
    }

    [Fact]
    public void An_account_URL_targets_that_account_and_the_configured_container_with_DefaultAzureCredential()
    {
        var client = BlobStorageConnection.CreateContainerClient("https://acme.blob.core.windows.net", "models");

        Assert.Equal(new Uri("https://acme.blob.core.windows.net/models"), client.Uri);
        Assert.Equal(("acme", "models"), (client.AccountName, client.Name));
        Assert.False(client.CanGenerateSasUri); // a token, not a key
    }

    [Fact]
    public async Task An_account_URL_sends_the_credentials_bearer_token_for_Azure_Storage()
    {
        var credential = new RecordingCredential();
        using var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var options = new BlobClientOptions { Transport = new HttpClientTransport(http) };
        options.Retry.MaxRetries = 0;
        var store = new BlobArtifactStore(BlobStorageConnection.CreateContainerClient("https://acme.blob.core.windows.net/", "models", credential, options));

        Assert.False(await store.ExistsAsync("churn/job-1/model.json"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://acme.blob.core.windows.net/models/churn/job-1/model.json", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal($"Bearer {RecordingCredential.Token}", request.Authorization);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public void A_container_URL_names_the_container_itself()
    {
        var client = BlobStorageConnection.CreateContainerClient("https://acme.blob.core.windows.net/trained", "models", new RecordingCredential());

        Assert.Equal(("acme", "trained"), (client.AccountName, client.Name));
    }

    [Fact]
    public void An_account_SAS_URL_keeps_its_signature_on_the_configured_container()
    {
        var client = BlobStorageConnection.CreateContainerClient("https://acme.blob.core.windows.net/?sv=2025-01-05&ss=b&srt=co&sp=rwc&se=2030-01-01T00:00:00Z&sig=abc%3D", "models");

        Assert.Equal("models", client.Name);
        Assert.Contains("sig=abc", client.Uri.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("AccountName=acme")]
    [InlineData("AccountName=acme;AccountKey=not base64!")]
    [InlineData("https://acme.blob.core.windows.net/models/churn/model.json")]
    [InlineData("https://acme.blob.core.windows.net/?sv=2025-01-05")]
    [InlineData("http://acme.blob.core.windows.net")]
    public void A_setting_in_none_of_the_forms_is_refused_naming_the_setting(string setting)
    {
        var error = Assert.Throws<FormatException>(() => BlobStorageConnection.CreateContainerClient(setting, "models"));

        Assert.Contains("ConnectionStrings:artifacts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64!", error.Message, StringComparison.Ordinal);
    }
}
