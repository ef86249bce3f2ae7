using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Testing;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Tests.Artifacts;
using AiWorkload.Training.Tests.Retraining.Infrastructure;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>The retraining service configured for Azure Blob Storage, run against Azurite end to end.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobRetrainingTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task With_a_blob_connection_string_artifacts_go_to_blob_storage_and_inference_loads_them_from_there()
    {
        var container = $"models-{Guid.NewGuid():N}";
        await using var host = await RetrainingHost.StartAsync(_directory.Path, new Dictionary<string, string?>
        {
            ["Training:Artifacts:BlobConnectionString"] = azurite.ConnectionString,
            ["Training:Artifacts:Container"] = container,
        });
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(60, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn");

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "first", TestData.Now));
        var trained = await host.Events.WaitForAsync<ModelTrained>();
        await host.Events.WaitForAsync<ModelPromoted>();

        Assert.IsType<BlobArtifactStore>(host.Artifacts);
        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "artifacts")));
        var independent = new BlobArtifactStore(BlobStorageConnection.CreateContainerClient(azurite.ConnectionString, container));
        Assert.True(await independent.ExistsAsync(trained.ArtifactKey!));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await http.PostAsJsonAsync(new Uri("/api/models/churn-model/predict", UriKind.Relative), new { features = new { x1 = 1.5, x2 = -1.5 } });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("yes", body.GetProperty("prediction").GetProperty("label").GetString());
    }
}
