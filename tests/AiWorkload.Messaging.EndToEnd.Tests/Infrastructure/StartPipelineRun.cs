namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

public sealed record StartPipelineRun(string RunId);
