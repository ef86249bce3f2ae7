using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;

namespace AiWorkload.Training.Inference;

/// <summary>On the inference subscription: a promotion switches what the predict endpoint serves, without a restart.</summary>
public sealed class ModelPromotedHandler(ModelServingCache cache) : IMessageHandler<ModelPromoted>
{
    public Task HandleAsync(ModelPromoted message, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return cache.SwitchToAsync(message.ModelId, message.Version, cancellationToken);
    }
}
