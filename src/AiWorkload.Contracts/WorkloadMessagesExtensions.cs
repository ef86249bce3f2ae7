using AiWorkload.Contracts;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Topology;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers every workload message with its destination and wire conventions; each service calls it once.</summary>
public static class WorkloadMessagesExtensions
{
    public static IMessagingBuilder AddWorkloadMessages(this IMessagingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Each service calls this; the Standalone host composes all of them, and a type registered twice fails at start.
        if (builder.Services.Any(d => d.ServiceType == typeof(WorkloadMessagesMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<WorkloadMessagesMarker>();
        var json = WorkloadJsonContext.Default;
        const string topic = WorkloadTopology.WorkloadEventsTopic;

        builder
            .AddCommand(WorkloadTopology.RetrainingQueue, json.RetrainModel, c => c
                .IdentifiedBy(m => m.RequestId)
                .InSession(m => m.ModelId)
                .CorrelatedBy(m => m.RunId)
                .WithProperty(MessageProperties.ModelId, m => m.ModelId))
            .AddCommand(WorkloadTopology.PipelineRunsQueue, json.StartPipelineRun, c => c
                .IdentifiedBy(m => m.RunId)
                .CorrelatedBy(m => m.RunId)
                .WithProperty(MessageProperties.ModelId, m => m.ModelId)
                .WithProperty(MessageProperties.Trigger, m => m.Trigger))
            .AddEvent(topic, json.ModelRegistered, c => c.Event().About(e => e.ModelId).Triggers(WorkloadTriggers.ModelLifecycle))
            .AddEvent(topic, json.DataIngested, c => c.Event().WithProperty("dataset_id", e => e.DatasetId).Triggers(WorkloadTriggers.DataIngested))
            .AddEvent(topic, json.ModelMetricsReported, c => c.Event().About(e => e.ModelId).WithProperty(MessageProperties.Trigger, e => e.Trigger))
            .AddEvent(topic, json.RetrainingRequested, c => c.Event().About(e => e.ModelId).Triggers(WorkloadTriggers.ModelTraining))
            .AddEvent(topic, json.TrainingStarted, c => c.Event().About(e => e.ModelId).CorrelatedBy(e => e.RunId).Triggers(WorkloadTriggers.ModelLifecycle))
            .AddEvent(topic, json.ModelTrained, c => c.Event().About(e => e.ModelId).CorrelatedBy(e => e.RunId).Triggers(WorkloadTriggers.ModelLifecycle))
            .AddEvent(topic, json.TrainingFailed, c => c.Event().About(e => e.ModelId).CorrelatedBy(e => e.RunId).Triggers(WorkloadTriggers.ModelLifecycle))
            .AddEvent(topic, json.ModelPromoted, c => c.Event().About(e => e.ModelId).CorrelatedBy(e => e.RunId).Triggers(WorkloadTriggers.ModelLifecycle))
            .AddEvent(topic, json.ModelRejected, c => c.Event().About(e => e.ModelId).CorrelatedBy(e => e.RunId).Triggers(WorkloadTriggers.ModelLifecycle))
            .AddEvent(topic, json.PipelineRunChanged, c => c.Event().About(e => e.ModelId).CorrelatedBy(e => e.RunId).Triggers(WorkloadTriggers.Pipeline))
            .AddEvent(topic, json.PipelineNotification, c => c.Event().About(e => e.ModelId).CorrelatedBy(e => e.RunId).Triggers(WorkloadTriggers.Pipeline));
        return builder;
    }
}
