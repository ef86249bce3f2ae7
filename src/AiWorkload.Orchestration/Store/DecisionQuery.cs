namespace AiWorkload.Orchestration.Store;

public sealed record DecisionQuery(string? ModelId = null, string? Policy = null, bool? Triggered = null, int Page = 1, int PageSize = 20);
