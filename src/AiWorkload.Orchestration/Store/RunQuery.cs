using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Store;

/// <summary>Newest first; <see cref="Page"/> starts at 1.</summary>
public sealed record RunQuery(string? Pipeline = null, string? ModelId = null, RunState? State = null, int Page = 1, int PageSize = 20);
