using System.Text;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Artifacts;

public sealed class ArtifactKeysTests
{
    [Fact]
    public void A_version_key_names_model_job_and_content_and_is_the_same_for_the_same_bytes()
    {
        var artifact = new ModelArtifact(TrainedModel.ArtifactContentType, Encoding.UTF8.GetBytes("{}"));

        var key = ArtifactKeys.ForVersion("churn-model", "job-1", artifact);

        Assert.Equal($"churn-model/job-1/{artifact.ComputeSha256()[..16]}.json", key);
        Assert.Equal(key, ArtifactKeys.ForVersion("churn-model", "job-1", artifact with { }));
        Assert.NotEqual(key, ArtifactKeys.ForVersion("churn-model", "job-1", new ModelArtifact(TrainedModel.ArtifactContentType, Encoding.UTF8.GetBytes("[]"))));
        Assert.EndsWith(".bin", ArtifactKeys.ForVersion("m", "j", new ModelArtifact("application/x-gbm", [1])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("retrain:model a/1")]
    [InlineData(".hidden")]
    public void Unsafe_ids_become_safe_distinct_segments(string id)
    {
        var segment = ArtifactKeys.Segment(id);

        ArtifactKeys.Validate(segment);
        Assert.DoesNotContain('/', segment);
        Assert.NotEqual(segment, ArtifactKeys.Segment(id + "x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/absolute")]
    [InlineData("a/../b")]
    [InlineData("a//b")]
    [InlineData("a/b c")]
    [InlineData("a\\b")]
    public void Keys_that_could_escape_or_confuse_a_store_are_refused(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => ArtifactKeys.Validate(key));
}
