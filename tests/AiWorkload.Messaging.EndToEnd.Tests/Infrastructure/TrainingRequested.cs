namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>A workload event; <see cref="Trigger"/> becomes the <c>trigger</c> property the training subscription's rule filters on.</summary>
public sealed record TrainingRequested(string ModelId, string Trigger, string DatasetVersion);
