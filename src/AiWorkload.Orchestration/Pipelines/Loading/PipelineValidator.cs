using System.Text.RegularExpressions;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>
/// The semantic checks a pipeline must pass before it may run: names, known activity types and their required inputs,
/// dependencies that exist and form no cycle, templates that parse and read only what is available where they are used,
/// and triggers that are complete (SQL that compiles, cron that fires).
/// </summary>
public static partial class PipelineValidator
{
    public static IReadOnlyList<PipelineError> Validate(LoadedPipeline pipeline, IReadOnlyDictionary<string, IReadOnlyCollection<string>> activityTypes)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(activityTypes);
        var errors = new List<PipelineError>();
        var check = new PipelineChecker(pipeline, activityTypes, errors);
        check.Pipeline();
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    internal static partial Regex PipelineName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    internal static partial Regex ActivityName();
}
