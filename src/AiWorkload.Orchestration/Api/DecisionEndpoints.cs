using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiWorkload.Orchestration.Api;

internal static class DecisionEndpoints
{
    /// <summary>Drift and new-data decisions, newest first, "not triggered" ones included with their reasons.</summary>
    public static async Task<Results<JsonHttpResult<Page<PolicyDecision>>, ValidationProblem>> ListAsync(
        string? modelId, string? policy, string? triggered, string? page, string? pageSize, IRunStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Read(page, pageSize, errors);
        if (policy is not null and not (PolicyNames.Drift or PolicyNames.NewData))
        {
            errors["policy"] = [$"'{policy}' is not a policy; use {PolicyNames.Drift} or {PolicyNames.NewData}."];
        }

        bool? onlyTriggered = null;
        if (triggered is not null)
        {
            if (bool.TryParse(triggered, out var value))
            {
                onlyTriggered = value;
            }
            else
            {
                errors["triggered"] = [$"'{triggered}' is not true or false."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await store.QueryDecisionsAsync(new DecisionQuery(modelId, policy, onlyTriggered, paging.Page, paging.PageSize), cancellationToken);
        return TypedResults.Json(result, OrchestrationJsonContext.Default.PagePolicyDecision);
    }
}
