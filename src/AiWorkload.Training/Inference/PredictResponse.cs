namespace AiWorkload.Training.Inference;

/// <summary>A prediction and the version that made it, so a caller can tell when a promotion took effect.</summary>
public sealed record PredictResponse(string ModelId, int Version, PredictedValue Prediction);
