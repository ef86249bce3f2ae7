using AiWorkload.Testing;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Artifacts;

public sealed class FileSystemArtifactStoreTests : ArtifactStoreContractTests, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FileSystemArtifactStore _store;

    public FileSystemArtifactStoreTests() => _store = new FileSystemArtifactStore(Path.Combine(_directory.Path, "artifacts"));

    protected override IArtifactStore Store => _store;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Artifacts_are_plain_files_under_the_root_and_no_temporary_file_is_left_behind()
    {
        await _store.PutAsync("churn/job-1/model.bin", new ModelArtifact("application/x-gbm", [7, 7]));

        var directory = Path.Combine(_directory.Path, "artifacts", "churn", "job-1");
        Assert.Equal(["model.bin", "model.bin.content-type"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([7, 7], await File.ReadAllBytesAsync(Path.Combine(directory, "model.bin")));
    }

    [Fact]
    public async Task A_key_that_would_leave_the_root_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync("../outside.bin", new ModelArtifact("application/x", [1])));
}
