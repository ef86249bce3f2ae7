using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Store;

/// <summary>A run to write: inserted when <see cref="ExpectedVersion"/> is null, else updated only if still at that version.</summary>
public sealed record RunWrite(PipelineRun Run, long? ExpectedVersion);
