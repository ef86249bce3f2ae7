using AiWorkload.Messaging.Topology;

namespace AiWorkload.Contracts;

/// <summary>Values of the <c>trigger</c> application property, which subscription rules route on.</summary>
public static class WorkloadTriggers
{
    /// <summary>Routes to the training subscription (<c>user.trigger = 'model_training'</c>).</summary>
    public const string ModelTraining = WorkloadTopology.ModelTrainingTrigger;

    public const string DataIngested = "data_ingested";

    public const string ModelMetrics = "model_metrics";

    public const string ModelLifecycle = "model_lifecycle";

    public const string Pipeline = "pipeline";
}
