namespace AiWorkload.Messaging.Rules.Tests.Conformance;

public sealed record ConformanceCase(string Expression, string Message, Expect Expected);
