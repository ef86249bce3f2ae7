namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>A command on the session-enabled retraining queue; the model id is the session.</summary>
public sealed record RetrainModel(string ModelId, int Version);
