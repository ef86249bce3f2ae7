namespace AiWorkload.Contracts.Commands;

/// <summary>
/// Asks the retraining service to train a new version of a model. <see cref="RequestId"/> is the MessageId and identifies
/// the training job: a duplicate or redelivered request never creates a second version. One session per model.
/// </summary>
public sealed record RetrainModel(
    string RequestId,
    string ModelId,
    string Reason,
    DateTimeOffset RequestedAt,
    string? RunId = null);
