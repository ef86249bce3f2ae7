using AiWorkload.Orchestration.Activities;

namespace AiWorkload.Orchestration.Pipelines;

/// <summary>
/// The pipelines shipped with the product. A pipeline of the same name in configuration or code replaces one of these.
/// Both run validate → train → evaluate → promote → notify; they differ in the trigger, so the decisions API and the run
/// list tell drift retrainings from new-data ones.
/// </summary>
public static class DefaultPipelines
{
    public const string RetrainOnDrift = "retrain-on-drift";

    public const string RetrainOnNewData = "retrain-on-new-data";

    public static IReadOnlyList<PipelineDefinition> All { get; } =
    [
        Retrain(RetrainOnDrift, TriggerDefinition.OnDrift, "Retrains a model whose production metrics decayed, then promotes the new version if it is better.", "drift detected"),
        Retrain(RetrainOnNewData, TriggerDefinition.OnNewData, "Retrains a model once enough new rows arrived since its last training.", "new data"),
    ];

    private static PipelineDefinition Retrain(string name, TriggerDefinition trigger, string description, string reason) => new(name,
    [
        new ActivityDefinition("validate", ActivityTypes.ValidateDataset)
        {
            Inputs = new Dictionary<string, string> { ["modelId"] = "${run.modelId}", ["minRows"] = "${run.parameters.minRows}" },
            Timeout = TimeSpan.FromMinutes(1),
            Retry = new ActivityRetryPolicy(3, TimeSpan.FromSeconds(5)),
        },
        new ActivityDefinition("train", ActivityTypes.Train)
        {
            DependsOn = ["validate"],
            Inputs = new Dictionary<string, string> { ["modelId"] = "${run.modelId}", ["reason"] = "${run.parameters.reason}" },
            // Training renews its lock for up to an hour; two hours leaves room for a queue wait behind another job.
            Timeout = TimeSpan.FromHours(2),
            Retry = new ActivityRetryPolicy(2, TimeSpan.FromMinutes(1)),
        },
        new ActivityDefinition("evaluate", ActivityTypes.Evaluate)
        {
            DependsOn = ["train"],
            Inputs = new Dictionary<string, string> { ["modelId"] = "${run.modelId}", ["jobId"] = "${activities.train.output.jobId}" },
            Timeout = TimeSpan.FromMinutes(10),
        },
        new ActivityDefinition("promote", ActivityTypes.Promote)
        {
            DependsOn = ["evaluate"],
            Inputs = new Dictionary<string, string>
            {
                ["modelId"] = "${run.modelId}",
                ["jobId"] = "${activities.train.output.jobId}",
                ["decision"] = "${activities.evaluate.output.decision}",
            },
            // The catalog may lag the promotion event by a moment on another host: retry rather than fail.
            Retry = new ActivityRetryPolicy(5, TimeSpan.FromSeconds(2)),
        },
        new ActivityDefinition("notify", ActivityTypes.Notify)
        {
            DependsOn = ["promote"],
            Inputs = new Dictionary<string, string>
            {
                ["message"] = "Model ${run.modelId} retrained (${run.parameters.reason}): ${activities.promote.output.outcome}, serving version ${activities.promote.output.servingVersion}.",
            },
        },
    ])
    {
        Description = description,
        Triggers = [trigger, TriggerDefinition.Manual],
        Parameters = new Dictionary<string, string> { ["reason"] = reason, ["minRows"] = "1" },
    };
}
