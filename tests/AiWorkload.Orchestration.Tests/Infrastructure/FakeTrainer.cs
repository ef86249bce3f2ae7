using AiWorkload.Catalog;
using AiWorkload.Contracts.Commands;
using AiWorkload.Messaging;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>The fake retraining service's handler on the model-retraining queue.</summary>
internal sealed class FakeTrainer(TrainerScript script, IWorkloadCatalog catalog, IMessageBus bus, TimeProvider time) : IMessageHandler<RetrainModel>
{
    public async Task HandleAsync(RetrainModel message, IMessageContext context, CancellationToken cancellationToken)
    {
        script.Requests.Enqueue(message);
        if (!script.AutoReply)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (script.ShouldFail())
        {
            await bus.PublishAsync(FakeTraining.Failed(message, now, script.FailureReason), cancellationToken: cancellationToken);
            return;
        }

        var version = await FakeTraining.RecordAsync(catalog, message, script.Quality(message), now);
        await bus.PublishAsync(FakeTraining.Trained(message, version, now), cancellationToken: cancellationToken);
        await FakeTraining.PublishAsync(bus, await FakeTraining.DecideAsync(catalog, message, now));
    }
}
