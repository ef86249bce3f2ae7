using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Policies;

/// <summary>Builds decisions with deterministic ids (policy, event, model), so a recomputed unit of work records the same one.</summary>
internal static class DecisionRecorder
{
    public static void Record(RunWork work, string policy, string? modelId, string eventId, bool triggered, string reason, IReadOnlyDictionary<string, string> details, string? runId = null) =>
        work.AddDecision(new PolicyDecision(StableIds.Limit($"{policy}:{eventId}:{modelId}"), policy, modelId, eventId, triggered, reason, work.Now)
        {
            RunId = runId,
            Details = details,
        });
}
