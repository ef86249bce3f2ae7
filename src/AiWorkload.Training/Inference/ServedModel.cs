using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Inference;

/// <summary>
/// The version inference serves for a model. <see cref="Model"/> is null when the artifact is an external trainer's
/// opaque bytes, which this service stores and promotes but cannot execute. <see cref="CheckedAt"/> is when the
/// catalog last confirmed this is the promoted version.
/// </summary>
public sealed record ServedModel(string ModelId, int Version, string Trainer, string ContentType, TrainedModel? Model, DateTimeOffset CheckedAt);
