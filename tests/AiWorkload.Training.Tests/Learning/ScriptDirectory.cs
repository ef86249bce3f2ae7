namespace AiWorkload.Training.Tests.Learning;

/// <summary>A temp directory of throwaway shell scripts for external-trainer tests, deleted afterwards.</summary>
internal sealed class ScriptDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aiw-trainer-tests-").FullName;

    public string Write(string name, string body)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
