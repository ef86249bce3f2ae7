using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiWorkload.Orchestration.Api;

internal static class DecisionEndpoints
{
    /// <summary>
    /// Drift and new-data decisions, newest first, "not triggered" ones included with their reasons. modelId and policy
    /// take several values (comma-separated or repeated); triggered=true,false is the same as no filter.
    /// </summary>
    public static async Task<Results<JsonHttpResult<Page<PolicyDecision>>, ValidationProblem>> ListAsync(
        string[]? modelId, string[]? policy, string[]? triggered, int? page, int? pageSize, IRunStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Read(page, pageSize, errors);
        var models = FilterValues.Read(modelId, "modelId", errors);
        var policies = FilterValues.Read(policy, "policy", errors);
        if (policies?.FirstOrDefault(p => p is not (PolicyNames.Drift or PolicyNames.NewData)) is { } unknown)
        {
            errors["policy"] = [$"'{unknown}' is not a policy; use {PolicyNames.Drift} or {PolicyNames.NewData}."];
        }

        var flags = new List<bool>();
        foreach (var text in FilterValues.Read(triggered, "triggered", errors) ?? [])
        {
            if (bool.TryParse(text, out var value))
            {
                flags.Add(value);
            }
            else
            {
                errors["triggered"] = [$"'{text}' is not true or false."];
            }
        }

        if ((models?.Count ?? 1) * (policies?.Count ?? 1) > FilterValues.MaxValues)
        {
            errors["query"] = [$"At most {FilterValues.MaxValues} combinations of filter values are accepted."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        bool? onlyTriggered = flags.Distinct().Count() == 1 ? flags[0] : null;
        var queries = (
            from m in FilterValues.OrUnfiltered(models)
            from p in FilterValues.OrUnfiltered(policies)
            select (Func<int, int, Task<Page<PolicyDecision>>>)((number, size) => store.QueryDecisionsAsync(new DecisionQuery(m, p, onlyTriggered, number, size), cancellationToken))).ToList();
        var result = await MergedPages.ReadAsync(queries, paging.Page, paging.PageSize, NewestDecisionFirst.Instance);
        return TypedResults.Json(result, OrchestrationJsonContext.Default.PagePolicyDecision);
    }
}
