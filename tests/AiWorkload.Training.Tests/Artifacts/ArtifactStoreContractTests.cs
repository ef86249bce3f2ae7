using System.Security.Cryptography;
using System.Text;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Artifacts;

/// <summary>What every artifact store must do; each implementation runs these against the real thing.</summary>
public abstract class ArtifactStoreContractTests
{
    protected abstract IArtifactStore Store { get; }

    [Fact]
    public async Task A_stored_artifact_reads_back_with_its_content_type()
    {
        var artifact = new ModelArtifact(TrainedModel.ArtifactContentType, Encoding.UTF8.GetBytes("""{"weights": [1, 2]}"""));

        await Store.PutAsync("churn/job-1/abc.json", artifact);

        Assert.True(await Store.ExistsAsync("churn/job-1/abc.json"));
        var read = await Store.GetAsync("churn/job-1/abc.json");
        Assert.Equal(artifact.ContentType, read!.ContentType);
        Assert.Equal(artifact.Bytes, read.Bytes);
    }

    [Fact]
    public async Task A_missing_key_reads_as_nothing()
    {
        Assert.False(await Store.ExistsAsync("churn/never/written.bin"));
        Assert.Null(await Store.OpenReadAsync("churn/never/written.bin"));
    }

    [Fact]
    public async Task Putting_again_replaces_the_artifact()
    {
        await Store.PutAsync("churn/job-2/model.bin", new ModelArtifact("application/x-one", [1]));
        await Store.PutAsync("churn/job-2/model.bin", new ModelArtifact("application/x-two", [2, 2]));

        var read = await Store.GetAsync("churn/job-2/model.bin");
        Assert.Equal("application/x-two", read!.ContentType);
        Assert.Equal([2, 2], read.Bytes);
    }

    /// <summary>Far over the 256 KB a Service Bus message may carry: the reason messages carry the key instead.</summary>
    [Fact]
    public async Task An_artifact_of_megabytes_streams_in_and_out_intact()
    {
        var bytes = RandomNumberGenerator.GetBytes(6 * 1024 * 1024);
        await using (var unseekable = new ForwardOnlyStream(bytes))
        {
            await Store.PutAsync("churn/job-3/big.bin", unseekable, "application/octet-stream");
        }

        await using var stored = await Store.OpenReadAsync("churn/job-3/big.bin");
        using var copy = new MemoryStream();
        await stored!.Content.CopyToAsync(copy);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(copy.ToArray()));
    }

    [Fact]
    public async Task The_health_probe_passes_on_a_usable_store() => await Store.CheckAsync();
}
