namespace AiWorkload.Orchestration.Api;

/// <summary>The optional body of a manual run: the model it is for and parameters that override the pipeline's.</summary>
public sealed record StartRunRequest(string? ModelId = null, IReadOnlyDictionary<string, string>? Parameters = null);
