namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>One problem in a pipeline definition: where it came from, the JSON path inside it, and what is wrong.</summary>
public sealed record PipelineError(string Source, string Path, string Message)
{
    public override string ToString() => $"{Source} {Path}: {Message}";
}
