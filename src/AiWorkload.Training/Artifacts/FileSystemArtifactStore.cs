using System.Text;

namespace AiWorkload.Training.Artifacts;

/// <summary>
/// Artifacts as files under a root directory, the default store. Each write goes to a temporary file that is flushed
/// to disk and then renamed over the target, so a crash leaves the old artifact or the new one, never half of either.
/// The content type sits beside the artifact in <c>{file}.content-type</c>.
/// </summary>
public sealed class FileSystemArtifactStore : IArtifactStore
{
    private const string ContentTypeSuffix = ".content-type";
    private const string DefaultContentType = "application/octet-stream";

    public FileSystemArtifactStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
    }

    public string RootDirectory { get; }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // The content type goes first: a crash between the two writes leaves a stray type file, never an artifact without one.
        using (var type = new MemoryStream(Encoding.UTF8.GetBytes(contentType)))
        {
            await WriteAtomicallyAsync(path + ContentTypeSuffix, type, cancellationToken);
        }

        await WriteAtomicallyAsync(path, content, cancellationToken);
    }

    public async Task<StoredArtifact?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var typePath = path + ContentTypeSuffix;
        var contentType = File.Exists(typePath) ? (await File.ReadAllTextAsync(typePath, cancellationToken)).Trim() : DefaultContentType;
        return new StoredArtifact(contentType, stream);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(key)));

    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(RootDirectory);
        var probe = Path.Combine(RootDirectory, $".probe-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(probe, [1], cancellationToken);
        File.Delete(probe);
    }

    private string PathOf(string key)
    {
        ArtifactKeys.Validate(key);
        if (key.EndsWith(ContentTypeSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Artifact keys cannot end with '{ContentTypeSuffix}'; the store keeps content types there.", nameof(key));
        }

        return Path.Combine(RootDirectory, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private static async Task WriteAtomicallyAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
