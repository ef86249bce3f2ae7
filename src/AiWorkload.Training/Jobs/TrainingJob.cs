using AiWorkload.Contracts.Commands;
using AiWorkload.Messaging;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// One retraining job. <see cref="JobId"/> is the request's MessageId, which survives redeliveries, retries and
/// dead-letter resubmissions, so every delivery of the same request is the same job.
/// </summary>
public sealed record TrainingJob(string JobId, string ModelId, string? RunId, int Attempt)
{
    public static TrainingJob From(RetrainModel request, IMessageContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return new TrainingJob(context.MessageId, request.ModelId, request.RunId ?? context.CorrelationId, context.Attempt);
    }
}
