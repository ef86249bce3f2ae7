using AiWorkload.Messaging.Rules;
using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Pipelines.Loading;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.Orchestration.Pipelines;

/// <summary>
/// Every pipeline the service runs: the defaults, then C#, then configuration, then the pipelines file, a later source
/// replacing a pipeline of the same name. Built and validated when first resolved, at start-up: an invalid pipeline stops
/// the service with every problem listed, rather than failing one run later.
/// </summary>
internal sealed class PipelineRegistry
{
    public const string ConfigurationSection = "Orchestration:Pipelines";

    private readonly Dictionary<string, PipelineDefinition> _pipelines = new(StringComparer.Ordinal);

    public PipelineRegistry(OrchestrationOptions options, ActivityRegistry activities, IConfiguration? configuration)
    {
        var errors = new List<PipelineError>();
        var sources = new List<IReadOnlyList<LoadedPipeline>>();
        if (options.IncludeDefaultPipelines)
        {
            sources.Add([.. DefaultPipelines.All.Select((p, i) => new LoadedPipeline(p, "built-in", $"$[{i}]"))]);
        }

        sources.Add([.. options.Pipelines.Select((p, i) => new LoadedPipeline(p, "code", $"Pipelines[{i}]"))]);
        Collect(errors, sources, () => configuration is null ? [] : PipelineLoader.LoadConfiguration(configuration.GetSection(ConfigurationSection)));
        if (options.PipelinesFile is { } file)
        {
            Collect(errors, sources, () => File.Exists(file)
                ? PipelineLoader.LoadFile(file)
                : throw new PipelineDefinitionException([new PipelineError(file, "$", "the pipelines file does not exist")]));
        }

        foreach (var source in sources)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var loaded in source)
            {
                if (!names.Add(loaded.Definition.Name))
                {
                    errors.Add(new PipelineError(loaded.Source, loaded.Path + ".name", $"pipeline '{loaded.Definition.Name}' is declared twice"));
                }

                errors.AddRange(PipelineValidator.Validate(loaded, activities.Types));
                _pipelines[loaded.Definition.Name] = loaded.Definition;
            }
        }

        if (errors.Count > 0)
        {
            throw new PipelineDefinitionException(errors);
        }

        EventTriggers = [.. All.SelectMany(p => p.Triggers.Select((t, i) => (p, t, i)))
            .Where(x => x.t.Kind == TriggerKind.Event)
            .Select(x => new CompiledEventTrigger(x.p, x.i, x.t, Compile(x.t)))];
    }

    public IReadOnlyCollection<PipelineDefinition> All => _pipelines.Values;

    public IReadOnlyList<CompiledEventTrigger> EventTriggers { get; }

    public PipelineDefinition? Find(string name) => _pipelines.GetValueOrDefault(name);

    /// <summary>The pipeline a policy starts: the first by name with that trigger, so the choice is stable.</summary>
    public PipelineDefinition? FirstTriggeredBy(TriggerKind kind) =>
        All.Where(p => p.Triggers.Any(t => t.Kind == kind)).OrderBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault();

    private static void Collect(List<PipelineError> errors, List<IReadOnlyList<LoadedPipeline>> sources, Func<IReadOnlyList<LoadedPipeline>> load)
    {
        try
        {
            sources.Add(load());
        }
        catch (PipelineDefinitionException error)
        {
            errors.AddRange(error.Errors);
        }
    }

    private static RuleFilter? Compile(TriggerDefinition trigger) => trigger switch
    {
        { Sql: { } sql } => SqlFilter.Compile(sql),
        { Correlation: { } c } => new CorrelationFilter
        {
            CorrelationId = c.CorrelationId,
            Subject = c.Subject,
            ContentType = c.ContentType,
            ApplicationProperties = c.Properties.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.OrdinalIgnoreCase),
        },
        _ => null,
    };
}
