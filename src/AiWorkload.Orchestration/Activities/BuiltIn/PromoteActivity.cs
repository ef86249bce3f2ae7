using System.Globalization;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;

namespace AiWorkload.Orchestration.Activities.BuiltIn;

/// <summary>
/// Confirms in the catalog which version serves after the job. The retraining service promotes; this activity makes the
/// run's outcome match the registry. Outcomes: "promoted" (the job's version serves), "superseded" (it was promoted, then
/// replaced by a newer one), "kept current version" (rejected: the run still succeeds, because a retraining that finds no
/// better model is a normal result; set input onRejected=fail to fail the run instead). Not recorded yet is a retryable
/// failure: the catalog may lag the event. Outputs outcome, version and servingVersion ("none" if nothing serves).
/// </summary>
internal sealed class PromoteActivity(IWorkloadCatalog catalog) : IActivity
{
    public string Type => ActivityTypes.Promote;

    public IReadOnlyCollection<string> RequiredInputs { get; } = ["modelId", "jobId"];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var modelId = context.RequireInput("modelId");
        var jobId = context.RequireInput("jobId");
        var failIfRejected = context.GetInput("onRejected") switch
        {
            null or "succeed" => false,
            "fail" => true,
            var other => throw new ActivityInputException($"input 'onRejected' is '{other}'; use succeed or fail"),
        };
        if (await catalog.GetVersionByJobAsync(modelId, jobId, cancellationToken) is not { } version)
        {
            return ActivityResult.Failed($"no version of model '{modelId}' from job {jobId} is in the catalog yet");
        }

        var serving = (await catalog.GetPromotedVersionAsync(modelId, cancellationToken))?.Version;
        var servingText = serving?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return version.Status switch
        {
            VersionStatus.Promoted => Outcome("promoted", version.Version, servingText),
            VersionStatus.Retired => Outcome("superseded", version.Version, servingText),
            VersionStatus.Rejected when failIfRejected => ActivityResult.Failed($"version {version.Version} was rejected: {version.Decision}", retryable: false),
            VersionStatus.Rejected => Outcome("kept current version", version.Version, servingText),
            _ => ActivityResult.Failed($"version {version.Version} is still a candidate: its promotion decision is not recorded yet"),
        };
    }

    private static ActivityResult Outcome(string outcome, int version, string serving) => ActivityResult.Completed(new Dictionary<string, string>
    {
        ["outcome"] = outcome,
        ["version"] = version.ToString(CultureInfo.InvariantCulture),
        ["servingVersion"] = serving,
    });
}
