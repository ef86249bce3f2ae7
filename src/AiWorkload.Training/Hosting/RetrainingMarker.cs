namespace AiWorkload.Training.Hosting;

/// <summary>Registered by the first AddRetraining call, so composing it twice registers the processors once.</summary>
internal sealed class RetrainingMarker;
