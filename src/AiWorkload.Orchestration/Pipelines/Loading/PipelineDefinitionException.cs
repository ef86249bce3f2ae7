namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>Pipeline definitions that cannot run, with every problem found (not only the first), each with its path.</summary>
public sealed class PipelineDefinitionException : Exception
{
    public PipelineDefinitionException()
        : this([])
    {
    }

    public PipelineDefinitionException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PipelineDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public PipelineDefinitionException(IReadOnlyList<PipelineError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<PipelineError> Errors { get; }

    private static string Describe(IReadOnlyList<PipelineError> errors) =>
        errors.Count == 1
            ? $"Invalid pipeline definition: {errors[0]}"
            : $"{errors.Count} problems in pipeline definitions:{string.Concat(errors.Select(e => Environment.NewLine + "  - " + e))}";
}
