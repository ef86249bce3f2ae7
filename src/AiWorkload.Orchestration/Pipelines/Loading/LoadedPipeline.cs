namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>A pipeline with where it was declared, so validation errors point into the right file and path.</summary>
public sealed record LoadedPipeline(PipelineDefinition Definition, string Source, string Path);
