namespace AiWorkload.Testing;

/// <summary>A directory that exists for one test and is removed afterwards, so durable state never leaks between tests.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aiworkload-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process killed by a crash test may still hold a file for a moment; the OS temp cleaner will get it.
        }
    }
}
